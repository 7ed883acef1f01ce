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
     * The two channels are independent until the end, so they may be fed from two threads
     * ({@link #addLeft}, {@link #addRight}), each channel's blocks in order.
     */
    public static final class Meter {
        private final int fs, segments;
        private final Channel left, right;

        public Meter(int fs, int frames, boolean truePeak) {
            this.fs = fs;
            this.segments = (int) Math.floor(frames * 10.0 / fs);
            TruePeakInterpolator tp = truePeak ? TruePeakInterpolator.forRate(fs) : null;
            left = new Channel(tp);
            right = new Channel(tp);
        }

        public void add(float[] l, float[] r, int n) {
            if (left.pos != right.pos) { // fed one channel at a time until now: keep doing so
                left.add(l, n);
                right.add(r, n);
                return;
            }
            if (left.tp != null) {
                left.tp.add(l, 0, n);
                right.tp.add(r, 0, n);
            }
            // both channels are at the same place: filter them side by side, a segment's run at a time
            for (int i = 0; i < n; ) {
                int m = left.run(n - i);
                if (m == 0) {
                    left.pos += n - i;
                    right.pos += n - i;
                    break;
                }
                filterBoth(l, r, i, i + m);
                left.advance(m);
                right.advance(m);
                i += m;
            }
        }

        /**
         * Both channels' {@link KWeighting#sumOfSquares(float[], int, int, double)} in one loop, into
         * their running sums: the recursions are independent, so side by side they share the core's
         * waiting time. Each sum is what the one-channel form gives.
         */
        private void filterBoth(float[] l, float[] r, int from, int to) {
            KWeighting kl = left.k, kr = right.k;
            double b0 = kl.b0, b1 = kl.b1, b2 = kl.b2, a1 = kl.a1, a2 = kl.a2;   // both channels share the coefficients
            double c0 = kl.c0, c1 = kl.c1, c2 = kl.c2, d1 = kl.d1, d2 = kl.d2;
            double ls1 = kl.s1, ls2 = kl.s2, lt1 = kl.t1, lt2 = kl.t2, rs1 = kr.s1, rs2 = kr.s2, rt1 = kr.t1, rt2 = kr.t2;
            double sumL = left.sum, sumR = right.sum;
            for (int i = from; i < to; i++) {
                double in = l[i];
                double y = b0 * in + ls1;
                ls1 = b1 * in - a1 * y + ls2;
                ls2 = b2 * in - a2 * y;
                double z = c0 * y + lt1;
                lt1 = c1 * y - d1 * z + lt2;
                lt2 = c2 * y - d2 * z;
                sumL += z * z;
                in = r[i];
                y = b0 * in + rs1;
                rs1 = b1 * in - a1 * y + rs2;
                rs2 = b2 * in - a2 * y;
                z = c0 * y + rt1;
                rt1 = c1 * y - d1 * z + rt2;
                rt2 = c2 * y - d2 * z;
                sumR += z * z;
            }
            kl.s1 = ls1; kl.s2 = ls2; kl.t1 = lt1; kl.t2 = lt2;
            kr.s1 = rs1; kr.s2 = rs2; kr.t1 = rt1; kr.t2 = rt2;
            left.sum = sumL;
            right.sum = sumR;
        }

        public void addLeft(float[] l, int n) { left.add(l, n); }

        public void addRight(float[] r, int n) { right.add(r, n); }

        public double integratedLufs() {
            if (segments < 4) return SILENCE_LUFS;
            double[] blocks = new double[segments - 3];
            double[] seg = new double[segments];
            int[] segLen = new int[segments];
            int start = 0;
            for (int s = 0; s < segments; s++) {
                int end = (int) Math.round((s + 1) * fs / 10.0);
                segLen[s] = end - start;
                start = end;
                seg[s] = left.seg[s] + right.seg[s];
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
            return Math.max(left.tp.finish(), right.tp.finish());
        }

        /** One channel: its K-weighting, its energy per 100 ms segment, its true peak. */
        private final class Channel {
            private final KWeighting k = new KWeighting(fs);
            private final double[] seg = new double[Math.max(0, segments)];
            private final TruePeakInterpolator.Channel tp;
            private int pos, segment;
            private double sum;

            Channel(TruePeakInterpolator interpolator) {
                tp = interpolator == null ? null : interpolator.channel();
            }

            void add(float[] x, int n) {
                if (tp != null) tp.add(x, 0, n);
                for (int i = 0; i < n; ) {
                    int m = run(n - i);
                    if (m == 0) {
                        pos += n - i;
                        break;
                    }
                    sum = k.sumOfSquares(x, i, i + m, sum);
                    advance(m);
                    i += m;
                }
            }

            /** Frames from here to the end of the current 100 ms segment, at most {@code most}; 0 past the last segment. */
            int run(int most) {
                return segment < segments ? Math.min(most, segmentEnd() - pos) : 0;
            }

            /** Moves past {@code m} filtered frames, closing the segment when they complete it. */
            void advance(int m) {
                pos += m;
                if (pos == segmentEnd()) {
                    seg[segment++] = sum;
                    sum = 0;
                }
            }

            private int segmentEnd() {
                return (int) Math.round((segment + 1) * fs / 10.0);
            }
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
