package io.producer.engine.analyze;

import io.producer.engine.score.Chord;
import io.producer.engine.score.Meter;

import java.util.List;

/**
 * Meter and downbeat from what happens on bar starts: the bass hits (kick, bass note), chords
 * change and the harmony above the bass moves (a walking bass moves on every beat). Each beat gets a "bar start evidence" (the sum of those z-scored
 * cues); for 4 and 3 beats per bar and every phase, the evidence of the beats on the phase is
 * compared with the rest. The meter whose best phase stands out more wins, with 4/4 taking ties
 * (a bare pulse with no accents is 4/4), and its best phase is the first downbeat.
 */
final class BarFinder {
    /** 3/4 needs a phase that stands out at least this clearly (a t statistic)... */
    private static final double TRIPLE_MIN_T = 3.0;
    /** ...and more clearly than any 4/4 phase by this much. */
    private static final double TRIPLE_MARGIN = 1.0;

    record Bars(Meter meter, int firstDownbeatBeat) {}

    private BarFinder() {}

    static Bars find(BeatFeatures beats, List<Chord> chords) {
        int n = beats.size();
        if (n < 8) return new Bars(Meter.FOUR_FOUR, 0);
        double[] novelty = new double[n], change = new double[n];
        for (int i = 1; i < n; i++) {
            novelty[i] = 1 - BeatFeatures.cosine(beats.treble[i - 1], beats.treble[i]);
            change[i] = chords.get(i).equals(chords.get(i - 1)) ? 0 : 1;
        }
        double[] zb = BeatFeatures.z(beats.bassAccent), za = BeatFeatures.z(beats.accent),
                zn = BeatFeatures.z(novelty), zc = BeatFeatures.z(change);
        double[] evidence = new double[n];
        for (int i = 0; i < n; i++) evidence[i] = zb[i] + 0.5 * za[i] + zn[i] + zc[i];
        evidence[0] = 0; // the first beat has no predecessor to change from
        double[] four = contrast(evidence, 4), three = contrast(evidence, 3);
        boolean triple = three[0] >= TRIPLE_MIN_T && three[0] > four[0] + TRIPLE_MARGIN;
        return triple ? new Bars(new Meter(3, 4), (int) three[1]) : new Bars(Meter.FOUR_FOUR, (int) four[1]);
    }

    /**
     * {best contrast, best phase} for bars of {@code m} beats; the contrast is Welch's t statistic of
     * the evidence on the phase against the evidence off it, so short songs need clearer accents.
     */
    private static double[] contrast(double[] evidence, int m) {
        double best = Double.NEGATIVE_INFINITY;
        int phase = 0;
        for (int p = 0; p < m; p++) {
            double on = 0, off = 0, on2 = 0, off2 = 0;
            int nOn = 0, nOff = 0;
            for (int i = 1; i < evidence.length; i++) {
                double v = evidence[i];
                if (i % m == p) {
                    on += v;
                    on2 += v * v;
                    nOn++;
                } else {
                    off += v;
                    off2 += v * v;
                    nOff++;
                }
            }
            if (nOn < 2 || nOff < 2) continue;
            double mOn = on / nOn, mOff = off / nOff;
            double vOn = Math.max(0, on2 / nOn - mOn * mOn), vOff = Math.max(0, off2 / nOff - mOff * mOff);
            double c = (mOn - mOff) / Math.sqrt(vOn / nOn + vOff / nOff + 1e-6);
            if (c > best + 1e-12) {
                best = c;
                phase = p;
            }
        }
        return new double[]{best, phase};
    }
}
