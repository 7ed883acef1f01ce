package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MasteringTest {

    /** Lone, very short clicks under near-silence: the material that defeats a sample-peak limiter. */
    private static AudioBuffer sparseClicks(int rate, double seconds) {
        int n = (int) (rate * seconds);
        float[] l = new float[n], r = new float[n];
        for (int i = 0; i < n; i++) {
            float pad = (float) (0.002 * Math.sin(2 * Math.PI * 220 * i / rate));
            l[i] = pad;
            r[i] = pad;
        }
        for (int at = rate / 2; at < n - 4; at += 2 * rate) {
            // alternating-sign pairs put the largest peaks between the samples
            l[at] = 0.9f; l[at + 1] = -0.9f; l[at + 2] = 0.9f;
            r[at] = 0.9f; r[at + 1] = -0.9f; r[at + 2] = 0.9f;
        }
        return new AudioBuffer(rate, l, r);
    }

    @Test
    void peakyMaterialStillMeetsTheTruePeakCeiling() {
        AudioBuffer out = Mastering.master(sparseClicks(44100, 20), -14, -1);
        double tp = LoudnessMeter.truePeakDbtp(out);
        assertTrue(tp <= -1.0, "true peak " + tp + " dBTP above the -1 dBTP ceiling");
        assertTrue(LoudnessMeter.integratedLufs(out) > LoudnessMeter.SILENCE_LUFS + 1, "mastering must not silence the track");
    }

    @Test
    void ordinaryMaterialReachesTheLoudnessTarget() {
        int rate = 44100, n = rate * 10;
        float[] l = new float[n], r = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            float v = (float) (0.1 * Math.sin(2 * Math.PI * 110 * t) + 0.05 * Math.sin(2 * Math.PI * 330 * t + 1)
                    + 0.03 * Math.sin(2 * Math.PI * 880 * t) * Math.sin(2 * Math.PI * 2 * t));
            l[i] = v;
            r[i] = v * 0.9f;
        }
        AudioBuffer out = Mastering.master(new AudioBuffer(rate, l, r), -14, -1);
        double lufs = LoudnessMeter.integratedLufs(out);
        assertTrue(Math.abs(lufs + 14) <= 0.5, "integrated loudness " + lufs + " LUFS, wanted -14 +- 0.5");
        assertTrue(LoudnessMeter.truePeakDbtp(out) <= -1.0);
    }
}
