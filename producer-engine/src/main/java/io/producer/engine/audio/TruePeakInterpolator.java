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
        int n = x.length;
        double best = 0;
        for (float v : x) best = Math.max(best, Math.abs(v));
        if (best == 0) return 0;
        int before = TAPS_PER_PHASE / 2 - 1, after = TAPS_PER_PHASE / 2;
        for (int c = 0; c < n; c += CHUNK) {
            int end = Math.min(n, c + CHUNK);
            float m = 0;
            for (int i = Math.max(0, c - before); i < Math.min(n, end + after); i++) m = Math.max(m, Math.abs(x[i]));
            if (m * maxGain <= best) continue;
            for (int i = c; i < end; i++) {
                // interpolate between x[i] and x[i+1]
                int base = i - before;
                for (int p = 1; p < factor; p++) {
                    float[] h = phases[p];
                    double acc = 0;
                    if (base >= 0 && base + TAPS_PER_PHASE <= n) {
                        for (int k = 0; k < TAPS_PER_PHASE; k++) acc += h[k] * x[base + k];
                    } else {
                        for (int k = 0; k < TAPS_PER_PHASE; k++) {
                            int j = base + k;
                            if (j >= 0 && j < n) acc += h[k] * x[j];
                        }
                    }
                    double a = Math.abs(acc);
                    if (a > best) best = a;
                }
            }
        }
        return best;
    }
}
