package io.producer.engine.render.synth;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BiquadTest {
    private static final int RATE = 44100;

    private static Biquad[] sections() {
        return new Biquad[]{Biquad.highPass(RATE, 30, 0.707), Biquad.peaking(RATE, 400, 1.0, -2),
                Biquad.highShelf(RATE, 8000, 1.5), Biquad.lowShelf(RATE, 90, 0.8), Biquad.bandPass(RATE, 2000, 2)};
    }

    private static float[] noise(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1) * 0.5f;
        return x;
    }

    /** A cascade of 1 to 5 sections, fed in uneven blocks, gives each channel exactly what its sections give one after another. */
    @Test void aCascadeIsExactlyItsSectionsInTurn() {
        int n = 20_000;
        for (int count = 1; count <= 5; count++) {
            float[] left = noise(1, n), right = noise(2, n);
            float[] wantL = left.clone(), wantR = right.clone();
            Biquad[] refL = sections(), refR = sections();
            for (int k = 0; k < count; k++) {
                refL[k].process(wantL, 0, n);
                refR[k].process(wantR, 0, n);
            }
            Biquad[] all = sections(), allR = sections();
            Biquad[] l = java.util.Arrays.copyOf(all, count), r = java.util.Arrays.copyOf(allR, count);
            for (int from = 0, step = 1; from < n; from += step, step = step * 3 % 4099 + 1)
                Biquad.processCascade(l, left, r, right, from, Math.min(n, from + step));
            assertArrayEquals(wantL, left, count + " sections, left");
            assertArrayEquals(wantR, right, count + " sections, right");
        }
    }
}
