package io.producer.engine.mix;

import io.producer.engine.testing.ClickMeter;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class MixUnitsTest {
    @Test void limiterNeverExceedsItsCeilingAndLeavesQuietAudioAlone() {
        int n = 48000;
        float[] l = new float[n], r = new float[n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double burst = i < 9600 ? 1.8 : 0.2;
            l[i] = (float) (burst * Math.sin(i * 0.05) + rnd.nextGaussian() * 0.05);
            r[i] = (float) (0.5 * burst * Math.sin(i * 0.031));
        }
        float[] quietBefore = java.util.Arrays.copyOfRange(l, 40000, 40100);
        new Limiter(48000, 1.5, 80).process(l, r, 0.8f);
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(l[i]) <= 0.8f + 1e-5f && Math.abs(r[i]) <= 0.8f + 1e-5f, "over at " + i);
        }
        // gain changes are ramps, not steps
        assertTrue(ClickMeter.maxJumpDb(new io.producer.engine.audio.AudioBuffer(48000, l, r)) < 12);
        // well after a loud burst has released, quiet audio comes through untouched
        float[] quietAfter = java.util.Arrays.copyOfRange(l, 40000, 40100);
        for (int i = 0; i < quietBefore.length; i++) assertEquals(quietBefore[i], quietAfter[i], Math.abs(quietBefore[i]) * 0.05 + 1e-4);
    }

    @Test void reverbDecaysAtItsRt60() {
        int rate = 44100;
        double rt60 = 1.2;
        Reverb rev = new Reverb(rate, rt60, 10, 20000);
        int n = rate * 3;
        float[] in = new float[n], z = new float[n], ol = new float[n], or = new float[n];
        in[0] = 1f;
        rev.process(in, z, ol, or, 0, n);
        double early = energy(ol, (int) (0.1 * rate), (int) (0.2 * rate));
        double late = energy(ol, (int) ((0.1 + rt60) * rate), (int) ((0.2 + rt60) * rate));
        double dropDb = 10 * Math.log10(early / late);
        assertEquals(60, dropDb, 12, "decay over RT60");
        // the two outputs are different signals (a stereo room), yet equally loud
        double corr = 0, el = 0, er = 0;
        for (int i = 0; i < n; i++) { corr += ol[i] * (double) or[i]; el += ol[i] * (double) ol[i]; er += or[i] * (double) or[i]; }
        assertTrue(Math.abs(corr / Math.sqrt(el * er)) < 0.3);
        assertEquals(1.0, el / er, 0.5);
    }

    private static double energy(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return s;
    }

    @Test void deEsserTamesSibilanceAndPassesVowelsUntouched() {
        int rate = 44100, n = rate;
        float[] l = new float[n], r = new float[n];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < n; i++) l[i] = r[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate));
        float[] vowel = l.clone();
        new DeEsser(rate).process(l, r);
        for (int i = rate / 20; i < n; i++) assertEquals(vowel[i], l[i], 1e-3, "vowel changed at " + i); // after the onset

        float[] sl = new float[n], sr = new float[n];
        io.producer.engine.render.synth.Biquad hp = io.producer.engine.render.synth.Biquad.highPass(rate, 6000, 0.7);
        for (int i = 0; i < n; i++) {
            float hiss = hp.process((float) (rnd.nextDouble() * 2 - 1));
            sl[i] = sr[i] = (float) (0.05 * Math.sin(2 * Math.PI * 220 * i / rate)) + (i > n / 2 ? hiss * 0.5f : 0);
        }
        double before = energy(sl, n / 2 + rate / 10, n);
        new DeEsser(rate).process(sl, sr);
        double after = energy(sl, n / 2 + rate / 10, n);
        assertTrue(10 * Math.log10(before / after) > 3, "sibilance reduced by only " + 10 * Math.log10(before / after) + " dB");
    }

    @Test void compressorFollowsItsCurve() {
        Compressor c = new Compressor(44100, -20, 4, 5, 50, 0);
        assertEquals(0, c.curve(-40), 1e-9);
        assertEquals(-15, c.curve(0), 1e-9);      // 20 dB over at 4:1 → 15 dB of reduction
        assertTrue(c.curve(-20) < 0 && c.curve(-20) > -1.5); // soft knee
        int n = 44100;
        float[] l = new float[n], r = new float[n];
        for (int i = 0; i < n; i++) l[i] = r[i] = (float) Math.sin(i * 0.06);  // 0 dBFS peak
        c.process(l, r);
        double peak = 0;
        for (int i = n / 2; i < n; i++) peak = Math.max(peak, Math.abs(l[i]));
        assertEquals(-15, 20 * Math.log10(peak), 1.0);
    }
}
