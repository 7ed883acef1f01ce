package io.producer.engine.audio;

/**
 * Loudness and true peak after ITU-R BS.1770-4 / EBU R128.
 *
 * <p>K-weighting is the standard's two biquads (a high shelf modelling the head, then a high pass),
 * derived from their analogue prototypes for whatever sample rate the audio has, so 32 and 44.1 kHz
 * are weighted as exactly as the 48 kHz coefficients printed in the standard. Integrated loudness
 * gates 400 ms blocks (75 % overlap) at −70 LUFS absolute, then at −10 LU below the loudness of the
 * blocks that passed. True peak oversamples to at least 4× (and to ≥ 176.4 kHz) with a polyphase
 * windowed-sinc interpolator.
 */
public final class LoudnessMeter {
    /** Loudness of silence and of audio shorter than one gating block. */
    public static final double SILENCE_LUFS = -70.0;

    private LoudnessMeter() {}

    public static double integratedLufs(AudioBuffer audio) {
        return gated(blockEnergies(audio));
    }

    private static double gated(double[] energy) {
        if (energy.length == 0) return SILENCE_LUFS;
        double absGate = Math.pow(10, (-70.0 + 0.691) / 10);
        double sum = 0;
        int n = 0;
        for (double e : energy) if (e > absGate) { sum += e; n++; }
        if (n == 0) return SILENCE_LUFS;
        double relGate = sum / n * Math.pow(10, -10.0 / 10);
        sum = 0;
        n = 0;
        for (double e : energy) if (e > absGate && e > relGate) { sum += e; n++; }
        if (n == 0) return SILENCE_LUFS;
        return Math.max(SILENCE_LUFS, -0.691 + 10 * Math.log10(sum / n));
    }

    /** Mean-square K-weighted energy (summed over both channels) of every 400 ms block, hopping 100 ms. */
    static double[] blockEnergies(AudioBuffer audio) {
        int fs = audio.sampleRate();
        int frames = audio.frames();
        int segments = (int) Math.floor(frames * 10.0 / fs);
        if (segments < 4) return new double[0];
        int[] segLen = new int[segments];
        // The two channels are filtered on two cores; their energies are added in a fixed order.
        java.util.concurrent.CompletableFuture<double[]> right =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> segmentEnergies(audio.right(), fs, segments));
        double[] seg = segmentEnergies(audio.left(), fs, segments);
        double[] segR = right.join();
        int start = 0;
        for (int s = 0; s < segments; s++) {
            int end = (int) Math.round((s + 1) * fs / 10.0);
            seg[s] += segR[s];
            segLen[s] = end - start;
            start = end;
        }
        double[] blocks = new double[segments - 3];
        for (int j = 0; j < blocks.length; j++) {
            double e = seg[j] + seg[j + 1] + seg[j + 2] + seg[j + 3];
            int len = segLen[j] + segLen[j + 1] + segLen[j + 2] + segLen[j + 3];
            blocks[j] = e / len;
        }
        return blocks;
    }

    private static double[] segmentEnergies(float[] x, int fs, int segments) {
        double[] seg = new double[segments];
        KWeighting k = new KWeighting(fs);
        int start = 0;
        for (int s = 0; s < segments; s++) {
            int end = (int) Math.round((s + 1) * fs / 10.0);
            seg[s] = k.sumOfSquares(x, start, end);
            start = end;
        }
        return seg;
    }

    /** The two K-weighting biquads in cascade, for one channel. */
    static final class KWeighting {
        private final double b0, b1, b2, a1, a2;      // stage 1: high shelf
        private final double c0, c1, c2, d1, d2;      // stage 2: high pass
        private double s1, s2, t1, t2;                // direct form II transposed state

        KWeighting(int fs) {
            // Analogue prototypes fitted to the 48 kHz coefficients of BS.1770 (as in libebur128).
            double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
            double k = Math.tan(Math.PI * f0 / fs);
            double vh = Math.pow(10, gainDb / 20);
            double vb = Math.pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            b0 = (vh + vb * k / q + k * k) / a0;
            b1 = 2 * (k * k - vh) / a0;
            b2 = (vh - vb * k / q + k * k) / a0;
            a1 = 2 * (k * k - 1) / a0;
            a2 = (1 - k / q + k * k) / a0;
            double fh = 38.13547087602444, qh = 0.5003270373238773;
            double kh = Math.tan(Math.PI * fh / fs);
            double h0 = 1 + kh / qh + kh * kh;
            c0 = 1; c1 = -2; c2 = 1;
            d1 = 2 * (kh * kh - 1) / h0;
            d2 = (1 - kh / qh + kh * kh) / h0;
        }

        double sumOfSquares(float[] x, int from, int to) {
            return sumOfSquares(x, from, to, 0);
        }

        /**
         * Both channels in one loop ({@code a} filters {@code x}, {@code b} filters {@code y}), adding
         * the squares to {@code sums[0]} and {@code sums[1]}: the same sums as two single-channel calls,
         * with the two independent recursions overlapping in the core.
         */
        static void sumOfSquares(KWeighting a, float[] x, KWeighting b, float[] y, int from, int to, double[] sums) {
            double sa = sums[0], sb = sums[1];
            double as1 = a.s1, as2 = a.s2, at1 = a.t1, at2 = a.t2;
            double bs1 = b.s1, bs2 = b.s2, bt1 = b.t1, bt2 = b.t2;
            for (int i = from; i < to; i++) {
                double in = x[i];
                double yv = a.b0 * in + as1;
                as1 = a.b1 * in - a.a1 * yv + as2;
                as2 = a.b2 * in - a.a2 * yv;
                double z = a.c0 * yv + at1;
                at1 = a.c1 * yv - a.d1 * z + at2;
                at2 = a.c2 * yv - a.d2 * z;
                sa += z * z;
                double in2 = y[i];
                double yv2 = b.b0 * in2 + bs1;
                bs1 = b.b1 * in2 - b.a1 * yv2 + bs2;
                bs2 = b.b2 * in2 - b.a2 * yv2;
                double z2 = b.c0 * yv2 + bt1;
                bt1 = b.c1 * yv2 - b.d1 * z2 + bt2;
                bt2 = b.c2 * yv2 - b.d2 * z2;
                sb += z2 * z2;
            }
            a.s1 = as1; a.s2 = as2; a.t1 = at1; a.t2 = at2;
            b.s1 = bs1; b.s2 = bs2; b.t1 = bt1; b.t2 = bt2;
            sums[0] = sa;
            sums[1] = sb;
        }

        /** Filters {@code x[from..to)} and adds the squares of the output to {@code sum}, in sample order. */
        double sumOfSquares(float[] x, int from, int to, double sum) {
            double s1 = this.s1, s2 = this.s2, t1 = this.t1, t2 = this.t2;
            for (int i = from; i < to; i++) {
                double in = x[i];
                double y = b0 * in + s1;
                s1 = b1 * in - a1 * y + s2;
                s2 = b2 * in - a2 * y;
                double z = c0 * y + t1;
                t1 = c1 * y - d1 * z + t2;
                t2 = c2 * y - d2 * z;
                sum += z * z;
            }
            this.s1 = s1; this.s2 = s2; this.t1 = t1; this.t2 = t2;
            return sum;
        }
    }

    /** Integrated loudness of audio read block by block (the same value as {@link #integratedLufs(AudioBuffer)}). */
    public static double integratedLufs(AudioTrack audio) {
        if (audio instanceof AudioBuffer b) return integratedLufs(b);
        Meter m = new Meter(audio.sampleRate(), audio.frames(), false);
        int block = 1 << 14;
        float[] l = new float[block], r = new float[block];
        for (int pos = 0; pos < audio.frames(); pos += block) {
            int n = Math.min(block, audio.frames() - pos);
            audio.read(pos, l, r, n);
            m.add(l, r, n);
        }
        return m.integratedLufs();
    }

    /**
     * Integrated loudness and (optionally) true peak of a stream of known length fed block by block;
     * the results equal those of the whole-buffer methods, since every sum runs in the same order.
     */
    public static final class Meter {
        private final int fs, frames, segments;
        private final KWeighting kl, kr;
        private final double[] seg;
        private final TruePeakInterpolator.Channel tpl, tpr;
        private int pos, segment;
        private double sumL, sumR;
        private final double[] sums = new double[2];

        public Meter(int fs, int frames, boolean truePeak) {
            this.fs = fs;
            this.frames = frames;
            this.segments = (int) Math.floor(frames * 10.0 / fs);
            kl = new KWeighting(fs);
            kr = new KWeighting(fs);
            seg = new double[Math.max(0, segments)];
            TruePeakInterpolator tp = truePeak ? TruePeakInterpolator.forRate(fs) : null;
            tpl = tp == null ? null : tp.channel();
            tpr = tp == null ? null : tp.channel();
        }

        public void add(float[] l, float[] r, int n) {
            if (tpl != null) { tpl.add(l, 0, n); tpr.add(r, 0, n); }
            int i = 0;
            while (i < n && segment < segments) {
                int end = (int) Math.round((segment + 1) * fs / 10.0);
                int m = Math.min(n - i, end - pos);
                sums[0] = sumL;
                sums[1] = sumR;
                KWeighting.sumOfSquares(kl, l, kr, r, i, i + m, sums);
                sumL = sums[0];
                sumR = sums[1];
                i += m;
                pos += m;
                if (pos == end) {
                    seg[segment++] = sumL + sumR;
                    sumL = 0;
                    sumR = 0;
                }
            }
            pos += n - i;
        }

        public double integratedLufs() {
            if (segments < 4) return SILENCE_LUFS;
            double[] blocks = new double[segments - 3];
            int[] segLen = new int[segments];
            int start = 0;
            for (int s = 0; s < segments; s++) {
                int end = (int) Math.round((s + 1) * fs / 10.0);
                segLen[s] = end - start;
                start = end;
            }
            for (int j = 0; j < blocks.length; j++) {
                double e = seg[j] + seg[j + 1] + seg[j + 2] + seg[j + 3];
                int len = segLen[j] + segLen[j + 1] + segLen[j + 2] + segLen[j + 3];
                blocks[j] = e / len;
            }
            return gated(blocks);
        }

        /** Linear true peak of both channels; call once, after the last block. */
        public double truePeak() {
            return Math.max(tpl.finish(), tpr.finish());
        }
    }

    /** Highest true (inter-sample) peak of either channel in dBTP; −∞ reads as −200 for silence. */
    public static double truePeakDbtp(AudioBuffer audio) {
        return dbtp(truePeak(audio));
    }

    /** A linear true peak in dBTP (−200 for silence). */
    public static double dbtp(double peak) {
        return peak <= 1e-10 ? -200.0 : 20 * Math.log10(peak);
    }

    /** Linear true peak. */
    public static double truePeak(AudioBuffer audio) {
        TruePeakInterpolator tp = TruePeakInterpolator.forRate(audio.sampleRate());
        java.util.concurrent.CompletableFuture<Double> right =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> tp.peak(audio.right()));
        return Math.max(tp.peak(audio.left()), right.join());
    }

    /** Integrated loudness of the audio as it would be after a gain of {@code gainDb} (loudness is linear in gain). */
    public static double lufsAfterGain(double lufs, double gainDb) {
        return lufs <= SILENCE_LUFS ? SILENCE_LUFS : lufs + gainDb;
    }
}
