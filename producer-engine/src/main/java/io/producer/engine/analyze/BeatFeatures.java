package io.producer.engine.analyze;

/**
 * Features averaged over each beat (from one beat to the next): chroma and bass chroma (floor
 * removed, so broadband drums do not read as every pitch at once), the onset and bass-onset
 * strength at the beat itself, and the level. Beat-synchronous features are what chords, bar
 * starts and sections are found on: one vector per musical event instead of per 93 ms.
 */
final class BeatFeatures {
    final double[] times;
    final double[][] chroma;
    final double[][] bass;
    /** Chroma above the bass range: the harmony instruments without the bass line's passing notes. */
    final double[][] treble;
    final double[] accent;
    final double[] bassAccent;
    final double[] energyDb;

    private BeatFeatures(double[] times, double[][] chroma, double[][] bass, double[][] treble, double[] accent,
                         double[] bassAccent, double[] energyDb) {
        this.times = times;
        this.chroma = chroma;
        this.bass = bass;
        this.treble = treble;
        this.accent = accent;
        this.bassAccent = bassAccent;
        this.energyDb = energyDb;
    }

    int size() { return times.length; }

    static BeatFeatures of(double[] beatTimes, double beatSeconds, Chromagram cg, OnsetEnvelope onsets) {
        int n = beatTimes.length;
        double[][] chroma = new double[n][], bass = new double[n][], treble = new double[n][];
        double[] accent = new double[n], bassAccent = new double[n], energyDb = new double[n];
        for (int i = 0; i < n; i++) {
            double start = beatTimes[i];
            double end = i + 1 < n ? beatTimes[i + 1] : start + beatSeconds;
            double[] c = new double[12], b = new double[12];
            double e = 0;
            int a = (int) Math.ceil(start * Chromagram.RATE), z = (int) Math.ceil(end * Chromagram.RATE);
            if (z <= a) z = a + 1;
            int count = 0;
            for (int f = a; f < z && f < cg.frames(); f++) {
                for (int k = 0; k < 12; k++) {
                    c[k] += cg.chroma[f][k];
                    b[k] += cg.bass[f][k];
                }
                e += cg.energy[f];
                count++;
            }
            if (count == 0 && cg.frames() > 0) {
                int f = Math.min(cg.frames() - 1, Math.max(0, (int) Math.round(start * Chromagram.RATE)));
                for (int k = 0; k < 12; k++) {
                    c[k] = cg.chroma[f][k];
                    b[k] = cg.bass[f][k];
                }
                e = cg.energy[f];
                count = 1;
            }
            double[] t = new double[12];
            for (int k = 0; k < 12; k++) t[k] = c[k] - b[k];
            chroma[i] = removeFloor(c);
            bass[i] = removeFloor(b);
            treble[i] = removeFloor(t);
            energyDb[i] = 10 * Math.log10(e / Math.max(1, count) + 1e-10);
            int centre = (int) Math.round(start * OnsetEnvelope.RATE);
            for (int f = Math.max(0, centre - 2); f <= Math.min(onsets.frames() - 1, centre + 2); f++) {
                accent[i] = Math.max(accent[i], onsets.strength[f]);
                bassAccent[i] = Math.max(bassAccent[i], onsets.bass[f]);
            }
        }
        return new BeatFeatures(beatTimes, chroma, bass, treble, accent, bassAccent, energyDb);
    }

    private static double[] removeFloor(double[] v) {
        double min = Double.MAX_VALUE;
        for (double x : v) min = Math.min(min, x);
        double[] out = new double[12];
        for (int k = 0; k < 12; k++) out[k] = v[k] - min;
        return out;
    }

    static double cosine(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return aa < 1e-12 || bb < 1e-12 ? 0 : ab / Math.sqrt(aa * bb);
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int k = 0; k < n; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= n;
        mb /= n;
        double ab = 0, aa = 0, bb = 0;
        for (int k = 0; k < n; k++) {
            double x = a[k] - ma, y = b[k] - mb;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa < 1e-12 || bb < 1e-12 ? 0 : ab / Math.sqrt(aa * bb);
    }

    /** z-scores of a series (all zeros when it does not vary). */
    static double[] z(double[] x) {
        int n = x.length;
        double m = 0;
        for (double v : x) m += v;
        m /= Math.max(1, n);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        s = Math.sqrt(s / Math.max(1, n));
        double[] out = new double[n];
        if (s < 1e-9) return out;
        for (int i = 0; i < n; i++) out[i] = (x[i] - m) / s;
        return out;
    }
}
