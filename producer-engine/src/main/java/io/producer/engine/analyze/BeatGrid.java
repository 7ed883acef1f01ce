package io.producer.engine.analyze;

/**
 * A constant-tempo beat grid fitted to tracked beats: beat {@code k} at {@code phase + k * period}.
 * The score an upload becomes has one tempo, so chords, bars and sections are laid on this grid;
 * it also repairs what a beat tracker does at the edges (an intro it followed on the off-beats, a
 * skipped beat). The fit is least squares of beat time on beat number, where a gap counts as the
 * number of periods it spans, refitted twice without the beats more than a fifth of a period off.
 */
record BeatGrid(double phase, double period, double inlierShare) {
    private static final double OUTLIER = 0.2;

    static BeatGrid fit(double[] beats, double estimatePeriod) {
        if (beats.length < 4) return new BeatGrid(beats.length > 0 ? beats[0] : 0, estimatePeriod, 0);
        double period = estimatePeriod;
        double[] index = new double[beats.length];
        boolean[] use = new boolean[beats.length];
        java.util.Arrays.fill(use, true);
        double phase = beats[0];
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < beats.length; i++) index[i] = index[i - 1] + Math.max(1, Math.round((beats[i] - beats[i - 1]) / period));
            double mx = 0, my = 0;
            int n = 0;
            for (int i = 0; i < beats.length; i++) if (use[i]) { mx += index[i]; my += beats[i]; n++; }
            if (n < 4) break;
            mx /= n;
            my /= n;
            double sxy = 0, sxx = 0;
            for (int i = 0; i < beats.length; i++) if (use[i]) { sxy += (index[i] - mx) * (beats[i] - my); sxx += (index[i] - mx) * (index[i] - mx); }
            if (sxx <= 0 || sxy <= 0) break;
            period = sxy / sxx;
            phase = my - period * mx;
            for (int i = 0; i < beats.length; i++) {
                double r = beats[i] - (phase + period * index[i]);
                use[i] = Math.abs(r) <= OUTLIER * period;
            }
        }
        int inliers = 0;
        for (boolean u : use) if (u) inliers++;
        // move the phase to the first grid beat at or after time zero
        double first = phase - Math.floor(phase / period) * period;
        return new BeatGrid(first, period, (double) inliers / beats.length);
    }

    double bpm() { return 60 / period; }

    /** Grid beats from the first at or after {@code from} up to {@code to} (inclusive). */
    double[] beats(double from, double to) {
        long k0 = (long) Math.ceil((from - phase) / period - 1e-9);
        long k1 = (long) Math.floor((to - phase) / period + 1e-9);
        int n = (int) Math.max(0, k1 - k0 + 1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = phase + (k0 + i) * period;
        return t;
    }

    BeatGrid shiftedHalfBeat() {
        double p = phase + period / 2;
        if (p >= period) p -= period;
        return new BeatGrid(p, period, inlierShare);
    }
}
