package io.producer.engine.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain autocorrelation pitch tracker for the tests, independent of how the singer makes its pitch. */
final class PitchProbe {
    private PitchProbe() {}

    /** Fundamental in Hz of the {@code size} samples at {@code from}, or NaN when the frame is not clearly periodic. */
    static double f0(float[] x, int rate, int from, int size) {
        if (from < 0 || from + size > x.length) return Double.NaN;
        int minLag = rate / 1000, maxLag = rate / 60;
        double energy = 0;
        for (int i = from; i < from + size; i++) energy += x[i] * x[i];
        if (energy < 1e-6) return Double.NaN;
        double[] r = new double[maxLag + 2];
        for (int lag = minLag; lag <= maxLag + 1; lag++) {
            double s = 0, e1 = 0, e2 = 0;
            for (int i = from; i < from + size - lag; i++) {
                s += x[i] * x[i + lag];
                e1 += x[i] * x[i];
                e2 += x[i + lag] * x[i + lag];
            }
            r[lag] = s / Math.sqrt(e1 * e2 + 1e-12);
        }
        double best = 0;
        for (int lag = minLag; lag <= maxLag; lag++) best = Math.max(best, r[lag]);
        if (best < 0.6) return Double.NaN;
        // the shortest lag that is nearly as periodic as the best one: avoids reading an octave low
        for (int lag = minLag + 1; lag <= maxLag; lag++) {
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                double a = r[lag - 1], b = r[lag], c = r[lag + 1];
                double shift = 0.5 * (a - c) / (a - 2 * b + c);
                return rate / (lag + (Double.isFinite(shift) ? shift : 0));
            }
        }
        return Double.NaN;
    }

    /** Median pitch (Hz) of the periodic frames between two times. */
    static double medianF0(float[] x, int rate, double fromSeconds, double toSeconds) {
        List<Double> found = new ArrayList<>();
        int size = 2048, hop = 512;
        for (int s = (int) (fromSeconds * rate); s + size <= (int) (toSeconds * rate); s += hop) {
            double f = f0(x, rate, s, size);
            if (!Double.isNaN(f)) found.add(f);
        }
        if (found.isEmpty()) return Double.NaN;
        double[] v = found.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    static double midi(double hz) { return 69 + 12 * Math.log(hz / 440) / Math.log(2); }
}
