package io.producer.engine.score;

/** A key: tonic pitch class (0 = C … 11 = B) and mode. */
public record Key(int tonic, Mode mode) {
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    public enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11), MINOR(0, 2, 3, 5, 7, 8, 10), DORIAN(0, 2, 3, 5, 7, 9, 10),
        MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10), PHRYGIAN(0, 1, 3, 5, 7, 8, 10), LYDIAN(0, 2, 4, 6, 7, 9, 11);

        private final int[] steps;
        Mode(int... steps) { this.steps = steps; }
        public int[] steps() { return steps.clone(); }
        /** Minor-third modes read as "minor" to key finders. */
        public boolean minorish() { return steps[2] == 3; }
    }

    public Key {
        if (tonic < 0 || tonic > 11) throw new IllegalArgumentException("tonic pitch class out of range: " + tonic);
    }

    /** Pitch class of scale degree {@code degree} (0-based, may exceed 6 or be negative). */
    public int degreePitchClass(int degree) {
        int[] s = mode.steps;
        int d = Math.floorMod(degree, 7);
        return (tonic + s[d]) % 12;
    }

    public String name() {
        return NAMES[tonic] + " " + (mode.minorish() ? "minor" : "major") + (mode == Mode.MAJOR || mode == Mode.MINOR ? "" : " (" + mode.name().toLowerCase() + ")");
    }

    public static String pitchClassName(int pc) { return NAMES[Math.floorMod(pc, 12)]; }
}
