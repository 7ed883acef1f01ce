package io.producer.engine.audio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Polyphase oversampling interpolator for true-peak measurement: a Kaiser-windowed sinc with its
 * cutoff at the input Nyquist, split into {@code factor} phases. Phase 0 is the identity (the sinc is
 * a Nyquist filter), so the true peak is never below the sample peak.
 *
 * <p>Music spends almost all its time well below its peak, so stretches whose samples cannot
 * produce an inter-sample value above the largest found so far are skipped: an interpolated value
 * is at most (sum of |taps| of its phase) × (largest |sample| under the filter), which is exact,
 * not an approximation.
 */
final class TruePeakInterpolator {
    private static final int TAPS_PER_PHASE = 24;
    private static final int CHUNK = 64;
    private static final Map<Integer, TruePeakInterpolator> CACHE = new ConcurrentHashMap<>();

    private final int factor;
    private final float[][] phases;     // phases[p][k]: tap k of phase p, applied to x[i - HALF + 1 + k]
    private final double maxGain;       // largest sum of |taps| over the phases

    private TruePeakInterpolator(int sampleRate) {
        this.factor = Math.max(4, (int) Math.ceil(176400.0 / sampleRate));
        double beta = 7.0;
        phases = new float[factor][TAPS_PER_PHASE];
        double mg = 0;
        for (int p = 0; p < factor; p++) {
            double g = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                // tap position in input samples relative to the interpolated point
                double t = (k - (TAPS_PER_PHASE / 2 - 1)) - (double) p / factor;
                double w = kaiser(t / (TAPS_PER_PHASE / 2.0), beta);
                double v = sinc(t) * w;
                phases[p][k] = (float) v;
                g += Math.abs(v);
            }
            mg = Math.max(mg, g);
        }
        maxGain = mg;
    }

    static TruePeakInterpolator forRate(int sampleRate) {
        return CACHE.computeIfAbsent(sampleRate, TruePeakInterpolator::new);
    }

    int factor() { return factor; }

    private static double sinc(double t) {
        if (Math.abs(t) < 1e-12) return 1;
        double x = Math.PI * t;
        return Math.sin(x) / x;
    }

    private static double kaiser(double x, double beta) {
        if (Math.abs(x) > 1) return 0;
        return bessel0(beta * Math.sqrt(1 - x * x)) / bessel0(beta);
    }

    private static double bessel0(double x) {
        double sum = 1, term = 1;
        for (int k = 1; k < 40; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-14 * sum) break;
        }
        return sum;
    }

    /** Largest |interpolated value| of one channel. */
    double peak(float[] x) {
        Channel c = channel();
        c.add(x, 0, x.length);
        return c.finish();
    }

    Channel channel() { return new Channel(); }

    /**
     * One channel measured block by block. Each interpolated value is a float sum over the taps in
     * tap order (the loops run over a block of outputs per tap, which the JIT vectorises; every lane
     * is still its own sequential sum, so the result does not depend on the vector width). Samples
     * before the start and after the end count as zero.
     */
    final class Channel {
        private static final int BEFORE = TAPS_PER_PHASE / 2 - 1;
        private final float[] buf = new float[TAPS_PER_PHASE - 1 + CHUNK];
        private final float[] acc = new float[CHUNK];
        private int held = BEFORE;       // samples in buf; the first BEFORE are the zeros before the start
        private double best;

        /** Feeds {@code x[from..to)}. */
        void add(float[] x, int from, int to) {
            for (int i = from; i < to; i++) best = Math.max(best, Math.abs(x[i]));
            int i = from;
            while (i < to) {
                int m = Math.min(to - i, buf.length - held);
                System.arraycopy(x, i, buf, held, m);
                held += m;
                i += m;
                if (held == buf.length) interpolate(CHUNK);
            }
        }

        /** The channel's true peak (linear); call once, after the last block. */
        double finish() {
            // the values between the last samples see zeros after the end
            int tail = TAPS_PER_PHASE / 2;
            int outputs = held - BEFORE;
            java.util.Arrays.fill(buf, held, Math.min(buf.length, held + tail), 0f);
            int ready = Math.min(outputs, buf.length - (TAPS_PER_PHASE - 1));
            if (ready > 0) {
                held = Math.min(buf.length, held + tail);
                interpolate(ready);
                outputs -= ready;
            }
            if (outputs > 0) { // only when the tail did not fit: one more round
                java.util.Arrays.fill(buf, held, Math.min(buf.length, held + tail), 0f);
                held = Math.min(buf.length, held + tail);
                interpolate(outputs);
            }
            return best;
        }

        /** Interpolates between buf[BEFORE + j] and buf[BEFORE + j + 1] for j < n, then keeps the last TAPS - 1 samples. */
        private void interpolate(int n) {
            float m = 0;
            for (int j = 0; j < n + TAPS_PER_PHASE - 1; j++) m = Math.max(m, Math.abs(buf[j]));
            if (m * maxGain > best) {
                for (int p = 1; p < factor; p++) {
                    float[] h = phases[p];
                    java.util.Arrays.fill(acc, 0, n, 0f);
                    for (int k = 0; k < TAPS_PER_PHASE; k++) {
                        float hk = h[k];
                        for (int j = 0; j < n; j++) acc[j] += hk * buf[j + k];
                    }
                    float top = 0;
                    for (int j = 0; j < n; j++) top = Math.max(top, Math.abs(acc[j]));
                    if (top > best) best = top;
                }
            }
            int keep = held - n;
            System.arraycopy(buf, n, buf, 0, keep);
            held = keep;
        }
    }
}
