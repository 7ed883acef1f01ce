package io.producer.engine.voice;

/**
 * Conversions between the predictor coefficients of an all-pole vocal-tract filter
 * ({@code y[n] = e[n] + sum a[k] y[n-1-k]}) and its reflection coefficients. Interpolating
 * reflection coefficients between two stable filters always gives a stable filter, which
 * interpolating predictor coefficients does not.
 */
final class Lpc {
    private Lpc() {}

    private static final double LIMIT = 0.9995;

    static float[] toReflection(double[] a) {
        int p = a.length;
        double[] c = new double[p + 1];
        for (int i = 1; i <= p; i++) c[i] = -a[i - 1];
        float[] k = new float[p];
        double[] prev = new double[p + 1];
        for (int m = p; m >= 1; m--) {
            double km = Math.max(-LIMIT, Math.min(LIMIT, c[m]));
            k[m - 1] = (float) km;
            double den = 1 - km * km;
            for (int i = 1; i < m; i++) prev[i] = (c[i] - km * c[m - i]) / den;
            System.arraycopy(prev, 1, c, 1, m - 1);
        }
        return k;
    }

    /**
     * Predictor coefficients into {@code a} from reflection coefficients {@code ka*(1-w) + kb*w};
     * {@code work} is scratch of the same length.
     */
    static void blendToPredictor(float[] ka, float[] kb, double w, double[] a, double[] work) {
        int p = a.length;
        // a holds c (A(z) = 1 + sum c z^-k) while building, negated at the end
        for (int m = 1; m <= p; m++) {
            double km = ka[m - 1] + (kb[m - 1] - ka[m - 1]) * w;
            for (int i = 1; i < m; i++) work[i - 1] = a[i - 1] + km * a[m - i - 1];
            System.arraycopy(work, 0, a, 0, m - 1);
            a[m - 1] = km;
        }
        for (int i = 0; i < p; i++) a[i] = -a[i];
    }

    /** The filter's power gain {@code 1/|A(e^jw)|^2} at {@code w} radians per sample. */
    static double powerAt(double[] a, double w) {
        double re = 1, im = 0;
        for (int k = 0; k < a.length; k++) {
            re -= a[k] * Math.cos(w * (k + 1));
            im += a[k] * Math.sin(w * (k + 1));
        }
        return 1 / Math.max(1e-12, re * re + im * im);
    }

    /**
     * Moves every pole of the filter towards the origin by {@code r} (0 < r <= 1): each formant's
     * bandwidth grows by about {@code -ln(r) * rate / pi} Hz and its centre stays.
     */
    static void widen(double[] a, double r) {
        double f = r;
        for (int k = 0; k < a.length; k++, f *= r) a[k] *= f;
    }

    /**
     * The RMS gain of the filter for white excitation: the root of its impulse response's energy over
     * its first 256 samples. The sharpest of kal's formants ring longer, but two recordings of one
     * phone, which is what the gain compares, have much the same ones.
     */
    static double impulseGain(double[] a) {
        int p = a.length;
        double[] y = new double[256];
        double energy = 0;
        for (int n = 0; n < y.length; n++) {
            double v = n == 0 ? 1 : 0;
            for (int k = 0; k < p && k < n; k++) v += a[k] * y[n - 1 - k];
            y[n] = v;
            energy += v * v;
        }
        return Math.sqrt(energy);
    }
}
