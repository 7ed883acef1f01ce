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

    /** Mastering searches the drive alone because limiting g·x to c is c times limiting (g/c)·x to 1. */
    @Test
    void theLimiterIsScaleInvariant() {
        int rate = 44100, n = rate * 2;
        float[] l = new float[n], r = new float[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            double burst = (i / 4410) % 3 == 0 ? 2.5 : 0.4; // loud stretches well over the ceiling, quiet ones under it
            l[i] = (float) (burst * Math.sin(2 * Math.PI * 97 * i / rate) + 0.1 * random.nextGaussian());
            r[i] = (float) (burst * 0.7 * Math.sin(2 * Math.PI * 151 * i / rate) + 0.1 * random.nextGaussian());
        }
        float g = 1.9f, c = 0.55f;
        float[] al = l.clone(), ar = r.clone(), bl = l.clone(), br = r.clone();
        for (int i = 0; i < n; i++) { al[i] *= g; ar[i] *= g; bl[i] *= g / c; br[i] *= g / c; }
        Limiter limiter = new Limiter(rate, 1.5, 80);
        double reductionA = limiter.process(al, ar, c), reductionB = limiter.process(bl, br, 1f);
        assertTrue(reductionA < -6, "the test signal must be limited hard, was " + reductionA + " dB");
        assertTrue(Math.abs(reductionA - reductionB) < 1e-4, reductionA + " vs " + reductionB + " dB");
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.max(worst, Math.max(Math.abs(al[i] - c * bl[i]), Math.abs(ar[i] - c * br[i])));
        assertTrue(worst < 1e-5, "largest difference " + worst);
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
        // the output gain after the limiter sets loudness exactly, or up to 0.2 LU under it
        assertTrue(lufs <= -13.99 && lufs >= -14.2, "integrated loudness " + lufs + " LUFS, wanted -14.0 to -14.2");
        assertTrue(LoudnessMeter.truePeakDbtp(out) <= -1.0);
    }
}
