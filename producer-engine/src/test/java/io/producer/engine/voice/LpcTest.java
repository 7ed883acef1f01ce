package io.producer.engine.voice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LpcTest {
    private static final double RATE = 16000;

    @Test
    void widenKeepsTheFormantAndAddsItsBandwidth() {
        // one formant at 500 Hz, pole radius 0.99: bandwidth -ln(0.99) * 16000 / pi = 51 Hz
        double w = 2 * Math.PI * 500 / RATE, r = 0.99;
        double[] a = {2 * r * Math.cos(w), -r * r};
        double[] before = formant(a);
        Lpc.widen(a, 0.993);
        double[] after = formant(a);
        assertEquals(-Math.log(0.99) * RATE / Math.PI, before[1], 2, "bandwidth before");
        assertEquals(500, after[0], 2, "centre after");
        assertEquals(before[1] - Math.log(0.993) * RATE / Math.PI, after[1], 2, "bandwidth after");
    }

    @Test
    void reflectionCoefficientsRoundTrip() {
        double w = 2 * Math.PI * 700 / RATE, r = 0.97;
        double[] a = {2 * r * Math.cos(w), -r * r};
        float[] k = Lpc.toReflection(a);
        double[] back = new double[2];
        Lpc.blendToPredictor(k, k, 0, back, new double[2]);
        assertEquals(a[0], back[0], 1e-6);
        assertEquals(a[1], back[1], 1e-6);
    }

    /** Centre and -3 dB bandwidth in Hz of the filter's one resonance, read off {@link Lpc#powerAt} at 0.1 Hz steps. */
    private static double[] formant(double[] a) {
        double peak = 0, centre = 0;
        for (double f = 1; f < RATE / 2; f += 0.1) {
            double p = Lpc.powerAt(a, 2 * Math.PI * f / RATE);
            if (p > peak) {
                peak = p;
                centre = f;
            }
        }
        double lo = centre, hi = centre;
        while (Lpc.powerAt(a, 2 * Math.PI * lo / RATE) > peak / 2) lo -= 0.1;
        while (Lpc.powerAt(a, 2 * Math.PI * hi / RATE) > peak / 2) hi += 0.1;
        return new double[]{centre, hi - lo};
    }
}
