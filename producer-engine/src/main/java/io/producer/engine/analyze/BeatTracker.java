package io.producer.engine.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * Beat tracking by dynamic programming (Ellis 2007): the best sequence of beat instants maximises
 * the onset strength at the beats minus a penalty on every inter-beat interval that strays from
 * the tempo period, {@code tightness * log(interval / period)^2}. Each frame keeps its best
 * predecessor; the sequence is read back from the best frame of the last period.
 */
final class BeatTracker {
    private static final double TIGHTNESS = 100;

    private BeatTracker() {}

    /** Beat positions in (fractional) onset frames, in order. */
    static double[] track(float[] envelope, double bpm) {
        float[] local = TempoEstimator.smooth(envelope);
        int n = local.length;
        double period = TempoEstimator.lagOf(bpm);
        int from = (int) Math.round(period / 2), to = (int) Math.round(2 * period);
        if (n <= to) {
            return regularGrid(n, period);
        }
        double[] penalty = new double[to + 1];
        for (int d = from; d <= to; d++) {
            double r = Math.log(d / period);
            penalty[d] = TIGHTNESS * r * r;
        }
        double[] score = new double[n];
        int[] back = new int[n];
        for (int i = 0; i < n; i++) {
            double bestPrev = 0;
            int arg = -1;
            for (int d = from; d <= to && i - d >= 0; d++) {
                double s = score[i - d] - penalty[d];
                if (arg < 0 || s > bestPrev) {
                    bestPrev = s;
                    arg = i - d;
                }
            }
            if (arg >= 0 && bestPrev > 0) {
                score[i] = local[i] + bestPrev;
                back[i] = arg;
            } else {
                score[i] = local[i];
                back[i] = -1;
            }
        }
        int last = n - 1;
        double bestEnd = Double.NEGATIVE_INFINITY;
        for (int i = Math.max(0, n - (int) Math.ceil(period)); i < n; i++) {
            if (score[i] > bestEnd) {
                bestEnd = score[i];
                last = i;
            }
        }
        List<Integer> beats = new ArrayList<>();
        for (int i = last; i >= 0; i = back[i]) beats.add(i);
        double[] out = new double[beats.size()];
        for (int k = 0; k < out.length; k++) out[k] = refine(local, beats.get(beats.size() - 1 - k));
        return out;
    }

    /** Sub-frame position of a beat: the vertex of a parabola through the peak and its neighbours. */
    private static double refine(float[] e, int i) {
        if (i <= 0 || i >= e.length - 1) return i;
        double a = e[i - 1], b = e[i], c = e[i + 1];
        if (b < a || b < c) return i;
        double den = a - 2 * b + c;
        if (Math.abs(den) < 1e-12) return i;
        double off = 0.5 * (a - c) / den;
        return i + Math.max(-0.5, Math.min(0.5, off));
    }

    private static double[] regularGrid(int n, double period) {
        int count = Math.max(1, (int) Math.floor((n - 1) / period) + 1);
        double[] out = new double[count];
        for (int k = 0; k < count; k++) out[k] = k * period;
        return out;
    }
}
