package io.producer.engine.analyze;

import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerHarmonyTest {
    private static final double BPM = 100;
    private static final double BEAT = 60 / BPM;
    private static final double START = 0.3;

    /**
     * A progression of one chord per 4/4 bar (root-position voicings plus a bass root) over a kick
     * on every beat, {@code repeats} times through.
     */
    private static TestSignals progression(int[][] chords, int repeats) {
        double seconds = START + chords.length * repeats * 4 * BEAT + 1.0;
        TestSignals s = new TestSignals(seconds);
        int bar = 0;
        for (int r = 0; r < repeats; r++) {
            for (int[] chord : chords) {
                double t = START + bar * 4 * BEAT;
                s.chord(chord, t, 4 * BEAT, 0.12);
                for (int b = 0; b < 4; b++) s.kick(t + b * BEAT, b == 0 ? 0.9 : 0.6);
                bar++;
            }
        }
        return s;
    }

    private static final int[] C = {60, 64, 67}, AM = {57, 60, 64}, F = {53, 57, 60}, G = {55, 59, 62},
            DM = {62, 65, 69}, E = {52, 56, 59}, G7 = {55, 59, 62, 65};

    @Test
    void majorKeyAndChordsOfAPopProgression() {
        int[][] chords = {C, AM, F, G};
        Chord[] expected = {new Chord(0, ""), new Chord(9, "m"), new Chord(5, ""), new Chord(7, "")};
        Analysis a = new Analyzer().analyse(progression(chords, 4).buffer());
        assertKeyOrRelative(new Key(0, Key.Mode.MAJOR), a.key());
        assertTrue(a.keyStrength() > 0.6, "key strength " + a.keyStrength());
        assertEquals(BPM, a.bpm(), BPM * 0.02);
        assertEquals("4/4", a.meter().toString());
        assertEquals(0, Math.floorMod(Math.round((a.firstDownbeatSeconds() - START) / BEAT), 4),
                "first downbeat at " + a.firstDownbeatSeconds() + " s is not on a bar line");
        assertMostlyRight(a, expected, 4, 0.75);
    }

    @Test
    void minorKeyAndChordsWithAHarmonicMinorDominant() {
        int[][] chords = {AM, DM, E, AM};
        Chord[] expected = {new Chord(9, "m"), new Chord(2, "m"), new Chord(4, ""), new Chord(9, "m")};
        Analysis a = new Analyzer().analyse(progression(chords, 4).buffer());
        assertKeyOrRelative(new Key(9, Key.Mode.MINOR), a.key());
        assertEquals(Key.Mode.MINOR, a.key().mode(), "A minor with E major chords is a minor key: " + a.key().name());
        assertMostlyRight(a, expected, 4, 0.75);
    }

    @Test
    void dominantSeventhIsRecognised() {
        int[][] chords = {C, F, G7, C};
        Chord[] expected = {new Chord(0, ""), new Chord(5, ""), new Chord(7, "7"), new Chord(0, "")};
        Analysis a = new Analyzer().analyse(progression(chords, 4).buffer());
        assertKeyOrRelative(new Key(0, Key.Mode.MAJOR), a.key());
        assertMostlyRight(a, expected, 4, 0.7);
    }

    @Test
    void waltzIsThreeFour() {
        double bpm = 132, beat = 60 / bpm;
        int[][] chords = {C, F, G, C, AM, DM, G, C};
        double seconds = START + 2 * chords.length * 3 * beat + 1.0;
        TestSignals s = new TestSignals(seconds);
        int bar = 0;
        for (int r = 0; r < 2; r++) {
            for (int[] chord : chords) {
                double t = START + bar * 3 * beat;
                s.tone(chord[0] - 24, t, beat * 0.9, 0.35); // oom
                s.kick(t, 0.8);
                for (int b = 1; b < 3; b++) { // pah, pah
                    for (int m : chord) s.tone(m, t + b * beat, beat * 0.5, 0.08);
                    s.hat(t + b * beat, 0.1, bar * 3L + b);
                }
                bar++;
            }
        }
        Analysis a = new Analyzer().analyse(s.buffer());
        assertEquals(bpm, a.bpm(), bpm * 0.02);
        assertEquals("3/4", a.meter().toString());
        assertEquals(0, Math.floorMod(Math.round((a.firstDownbeatSeconds() - START) / beat), 3),
                "first downbeat at " + a.firstDownbeatSeconds() + " s is not on a bar line");
        assertKeyOrRelative(new Key(0, Key.Mode.MAJOR), a.key());
    }

    static void assertKeyOrRelative(Key expected, Key actual) {
        boolean exact = expected.equals(actual);
        int relative = expected.mode() == Key.Mode.MAJOR ? (expected.tonic() + 9) % 12 : (expected.tonic() + 3) % 12;
        boolean rel = actual.tonic() == relative && actual.mode() != expected.mode();
        assertTrue(exact || rel, "expected " + expected.name() + " (or its relative), got " + actual.name());
    }

    /** Share of beats (from the first downbeat) whose analysed chord is the expected one. */
    static void assertMostlyRight(Analysis a, Chord[] perBar, int beatsPerBar, double share) {
        long barOffset = Math.round((a.firstDownbeatSeconds() - START) / (60 / BPM)) / beatsPerBar;
        int total = 0, right = 0;
        StringBuilder seen = new StringBuilder();
        for (ChordEvent e : a.chords()) {
            seen.append(e.chord().name()).append('x').append((int) e.durationBeats()).append(' ');
            for (int b = 0; b < (int) e.durationBeats(); b++) {
                int beat = (int) e.startBeat() + b;
                int bar = (int) (beat / beatsPerBar + barOffset);
                total++;
                if (e.chord().equals(perBar[bar % perBar.length])) right++;
            }
        }
        assertTrue(total > 0);
        assertTrue(right >= share * total, right + " of " + total + " beats right: " + seen);
    }
}
