package io.producer.engine.render.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DispersionTest {
    private static final int RATE = 44100;

    private static float[][] run(float[] left, float[] right) {
        Dispersion d = new Dispersion(RATE);
        float[] l = left.clone(), r = right.clone();
        for (int pos = 0; pos < l.length; pos += 512) {
            int n = Math.min(512, l.length - pos);
            float[] bl = new float[n], br = new float[n];
            System.arraycopy(l, pos, bl, 0, n);
            System.arraycopy(r, pos, br, 0, n);
            d.process(bl, br, n);
            System.arraycopy(bl, 0, l, pos, n);
            System.arraycopy(br, 0, r, pos, n);
        }
        return new float[][]{l, r};
    }

    @Test void anEdgeIsSpreadButKeepsItsEnergy() {
        float[] x = new float[RATE / 2], silent = new float[RATE / 2];
        x[100] = 1;
        float[][] y = run(x, silent);
        double energy = 0, peak = 0;
        for (float v : y[0]) { energy += v * (double) v; peak = Math.max(peak, Math.abs(v)); }
        assertEquals(1.0, energy, 1e-4, "an all-pass keeps the energy");
        assertTrue(peak < 0.6, "the impulse is not spread: peak " + peak);
        for (float v : y[1]) assertEquals(0f, v, "channels are independent");
    }

    @Test void toneLevelsAreUnchangedAndTheLowEndIsDelayedLeast() {
        for (double hz : new double[]{55, 440, 3000, 9000}) {
            float[] x = new float[RATE];
            for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(2 * Math.PI * hz * i / RATE);
            float[][] y = run(x, x);
            // correlate the second half with sine and cosine: amplitude and phase lag of the steady tone
            double s = 0, c = 0;
            for (int i = RATE / 2; i < RATE; i++) {
                double w = 2 * Math.PI * hz * i / RATE;
                s += y[0][i] * Math.sin(w);
                c += y[0][i] * Math.cos(w);
            }
            double amp = 2 * Math.hypot(s, c) / (RATE / 2.0);
            assertEquals(1.0, amp, 0.01, hz + " Hz level");
            if (hz == 55) {
                double lag = -Math.atan2(c, s) / (2 * Math.PI * hz);
                assertTrue(lag >= 0 && lag < 0.0015, "55 Hz delayed by " + lag * 1000 + " ms");
            }
        }
    }
}
