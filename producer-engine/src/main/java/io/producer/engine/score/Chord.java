package io.producer.engine.score;

/** A chord: root pitch class and quality, e.g. (9, "m7") for Am7. */
public record Chord(int root, String quality) {
    public Chord {
        if (root < 0 || root > 11) throw new IllegalArgumentException("chord root out of range: " + root);
    }

    /** Intervals above the root, in semitones. */
    public int[] intervals() {
        return switch (quality) {
            case "", "maj" -> new int[]{0, 4, 7};
            case "m" -> new int[]{0, 3, 7};
            case "dim" -> new int[]{0, 3, 6};
            case "aug" -> new int[]{0, 4, 8};
            case "sus2" -> new int[]{0, 2, 7};
            case "sus4" -> new int[]{0, 5, 7};
            case "7" -> new int[]{0, 4, 7, 10};
            case "maj7" -> new int[]{0, 4, 7, 11};
            case "m7" -> new int[]{0, 3, 7, 10};
            case "m7b5" -> new int[]{0, 3, 6, 10};
            case "dim7" -> new int[]{0, 3, 6, 9};
            case "6" -> new int[]{0, 4, 7, 9};
            case "m6" -> new int[]{0, 3, 7, 9};
            case "9" -> new int[]{0, 4, 7, 10, 14};
            case "maj9" -> new int[]{0, 4, 7, 11, 14};
            case "m9" -> new int[]{0, 3, 7, 10, 14};
            case "add9" -> new int[]{0, 4, 7, 14};
            case "5" -> new int[]{0, 7};
            default -> throw new IllegalArgumentException("unknown chord quality: " + quality);
        };
    }

    public String name() { return Key.pitchClassName(root) + quality; }
}
