package io.producer.engine.analyze;

import io.producer.engine.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerRhythmTest {
    private static final double SECONDS = 30;
    private static final double START = 0.5;

    private static AudioBuffer kicksWithHats(double bpm) {
        TestSignals s = new TestSignals(SECONDS);
        double beat = 60 / bpm;
        int i = 0;
        for (double t = START; t < SECONDS - 0.4; t += beat, i++) {
            s.kick(t, 1.0);
            s.hat(t + beat / 2, 0.15, i);
        }
        return s.buffer();
    }

    @ParameterizedTest
    @ValueSource(doubles = {70, 95, 128, 174})
    void kickTrackTempoAndBeats(double bpm) {
        Analysis a = new Analyzer().analyse(kicksWithHats(bpm));
        assertEquals(bpm, a.bpm(), bpm * 0.02, "tempo of a " + bpm + " BPM kick track");
        assertBeatsOnGrid(a.beatTimes(), START, 60 / bpm);
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 140})
    void plainClickTrackAtEvenPulse(double bpm) {
        TestSignals s = new TestSignals(SECONDS);
        for (double t = START; t < SECONDS - 0.4; t += 60 / bpm) s.kick(t, 1.0);
        Analysis a = new Analyzer().analyse(s.buffer());
        assertEquals(bpm, a.bpm(), bpm * 0.02);
        assertBeatsOnGrid(a.beatTimes(), START, 60 / bpm);
    }

    @ParameterizedTest
    @ValueSource(ints = {32000, 48000})
    void otherSampleRates(int rate) {
        double bpm = 120;
        TestSignals s = new TestSignals(SECONDS, rate);
        for (double t = START; t < SECONDS - 0.4; t += 60 / bpm) s.kick(t, 1.0);
        Analysis a = new Analyzer().analyse(s.buffer());
        assertEquals(bpm, a.bpm(), bpm * 0.02);
        assertBeatsOnGrid(a.beatTimes(), START, 60 / bpm);
    }

    @Test
    void sameAudioSameAnalysis() {
        AudioBuffer audio = kicksWithHats(110);
        assertEquals(new Analyzer().analyse(audio), new Analyzer().analyse(audio));
    }

    @Test
    void silenceHasNoKeyAndANominalGrid() {
        Analysis a = new Analyzer().analyse(AudioBuffer.silence(44100, 44100 * 5));
        assertEquals(Analyzer.NO_PULSE_BPM, a.bpm());
        assertEquals(0.0, a.keyStrength());
        assertEquals(0.0, a.beatTimes().get(0));
        assertTrue(a.integratedLufs() <= -70, "silence reads " + a.integratedLufs() + " LUFS");
        assertEquals(1, a.sections().size());
    }

    /** Every reported beat lies within 50 ms of a true beat, and nearly every true beat is found. */
    static void assertBeatsOnGrid(List<Double> beats, double start, double period) {
        int hits = 0;
        for (double t : beats) {
            double k = Math.round((t - start) / period);
            double err = Math.abs(t - (start + k * period));
            assertTrue(err <= 0.05, "beat at " + t + " is " + Math.round(err * 1000) + " ms off the grid");
            if (k >= 0) hits++;
        }
        int expected = (int) Math.floor((SECONDS - 0.4 - start) / period) + 1;
        assertTrue(hits >= expected - 2, "found " + hits + " of " + expected + " beats");
    }
}
