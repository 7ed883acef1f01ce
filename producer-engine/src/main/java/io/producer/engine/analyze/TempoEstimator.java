package io.producer.engine.analyze;

/**
 * Tempo from the onset envelope: the autocorrelation is read through a four-tooth comb with
 * teeth weighted 1, 1/2, 1/3, 1/4 (a true beat period also repeats at 2, 3 and 4 periods, which
 * sharpens the estimate to a fraction of a BPM, while the first tooth keeps a period that merely
 * divides a multiple of the beat, such as 2/3 of it, from scoring as well), then the metrical level is chosen. A comb cannot tell a pulse from its double or half, so
 * the level is decided by the pulses themselves: when the in-between pulses of the faster level
 * (halves or thirds) are nearly as strong as the on-beat ones the faster level is the beat (a plain
 * 174 BPM pulse is 174, not 87 or 58), when they are clearly weaker they are subdivisions (eighth-note hi-hats over a
 * 95 BPM groove do not make it 190). Results are kept within {@link #MIN_BPM}–{@link #MAX_BPM}.
 */
final class TempoEstimator {
    static final double MIN_BPM = 55;
    static final double MAX_BPM = 215;
    /**
     * The faster level is the beat when its in-between pulses reach this share of the on-grid ones.
     * Up to 160 BPM half the strength will do; above it the pulses must be nearly even, since a
     * backbeat groove with busy eighths (hip hop at 94, downtempo at 92) is heard at its slower
     * level. Measured on engine renders: doubled readings of 71-97 BPM songs had shares 0.37-0.87
     * at the fast level, songs truly at 130-157 BPM 0.63-0.99; a drum-and-bass break at 177 reads
     * 0.54 and so is reported at half tempo (a documented octave error), a plain 174 pulse stays.
     */
    static double evenness(double fasterBpm) {
        return fasterBpm <= FAST ? 0.5 : 0.9;
    }

    private static final double FAST = 160;

    private TempoEstimator() {}

    /** The beat tempo in BPM (0 when the envelope has no periodicity at all). */
    static double estimate(float[] envelope) {
        float[] e = smooth(envelope);
        int n = e.length;
        int maxLag = Math.min(n - 1, (int) Math.ceil(4 * lagOf(MIN_BPM)) + 2);
        if (maxLag < lagOf(MAX_BPM) * 2) return 0;
        double[] acf = new double[maxLag + 1];
        for (int l = 0; l <= maxLag; l++) {
            double s = 0;
            for (int i = 0; i + l < n; i++) s += (double) e[i] * e[i + l];
            acf[l] = s / (n - l);
        }
        double best = 0, bestScore = 0;
        for (double bpm = MIN_BPM; bpm <= MAX_BPM; bpm += 0.02) {
            double lag = lagOf(bpm), score = 0, weights = 0;
            for (int k = 1; k <= 4; k++) {
                double at = k * lag;
                if (at >= maxLag) break;
                int i = (int) at;
                double f = at - i;
                score += (acf[i] * (1 - f) + acf[i + 1] * f) / k;
                weights += 1.0 / k;
            }
            if (weights == 0) continue;
            score /= weights;
            if (score > bestScore * (1 + 1e-9)) {
                bestScore = score;
                best = bpm;
            }
        }
        if (bestScore <= 0) return 0;
        double tempo = best;
        for (int step = 0; step < 4; step++) {
            double before = tempo;
            for (int m = 2; m <= 3 && tempo == before; m++)
                if (tempo * m <= MAX_BPM && inBetweenShare(e, tempo, m) >= evenness(tempo * m)) tempo *= m;
            if (tempo == before && tempo / 2 >= MIN_BPM && inBetweenShare(e, tempo / 2, 2) < evenness(tempo)) tempo /= 2;
            if (tempo == before) break;
        }
        return tempo;
    }

    static double lagOf(double bpm) { return 60.0 * OnsetEnvelope.RATE / bpm; }

    /**
     * On the best-aligned grid of {@code bpm}, how strong the pulses that divide each period into
     * {@code m} equal parts are, relative to the pulses on the grid (1 = all pulses even, 0 = the
     * in-between ones are empty). The weakest in-between pulse counts.
     */
    static double inBetweenShare(float[] e, double bpm, int m) {
        double slow = lagOf(bpm);
        int phases = (int) Math.floor(slow);
        double bestOn = -1;
        int bestPhase = 0;
        for (int p = 0; p < phases; p++) {
            double on = gridMean(e, p, slow);
            if (on > bestOn) {
                bestOn = on;
                bestPhase = p;
            }
        }
        if (bestOn <= 1e-9) return 0;
        double weakest = Double.MAX_VALUE;
        for (int k = 1; k < m; k++) weakest = Math.min(weakest, gridMean(e, bestPhase + k * slow / m, slow));
        return weakest / bestOn;
    }

    private static double gridMean(float[] e, double phase, double period) {
        double sum = 0;
        int count = 0;
        for (double t = phase; t < e.length; t += period) {
            int c = (int) Math.round(t);
            float m = 0;
            for (int k = Math.max(0, c - 2); k <= Math.min(e.length - 1, c + 2); k++) m = Math.max(m, e[k]);
            sum += m;
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    /** A light Gaussian blur (sigma one frame) so autocorrelation peaks are wide enough to interpolate. */
    static float[] smooth(float[] x) {
        float[] y = new float[x.length];
        final float a = 0.6065f, b = 0.1353f; // exp(-1/2), exp(-2)
        float norm = 1 + 2 * a + 2 * b;
        for (int i = 0; i < x.length; i++) {
            float s = x[i];
            if (i > 0) s += a * x[i - 1];
            if (i > 1) s += b * x[i - 2];
            if (i + 1 < x.length) s += a * x[i + 1];
            if (i + 2 < x.length) s += b * x[i + 2];
            y[i] = s / norm;
        }
        return y;
    }
}
