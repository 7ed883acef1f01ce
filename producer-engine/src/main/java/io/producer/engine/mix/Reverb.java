package io.producer.engine.mix;

/**
 * An algorithmic room: pre-delay, two series all-pass diffusers for early density, then an
 * eight-line feedback delay network with a Hadamard mixing matrix (three butterfly stages, no
 * multiplies) and a damping low-pass in every line so highs die faster than lows, as in a real hall.
 * Even lines feed the left output and odd lines the right, which decorrelates the channels. The
 * line gains are set for the requested RT60. Its output is the wet signal only.
 */
final class Reverb {
    private static final int[] LINES_44K = {1031, 1327, 1523, 1801, 2053, 2311, 2593, 2903};
    private static final int[] DIFFUSERS_44K = {142, 379, 107, 277};
    private final float[][] lines;
    private final int[] pos;
    private final float[] gain, damp, lp;
    private final float[][] ap;
    private final int[] apPos;
    private final float[] pre;
    private int prePos;

    Reverb(int rate, double rt60Seconds, double preDelayMs, double dampingHz) {
        double scale = rate / 44100.0;
        lines = new float[8][];
        pos = new int[8];
        gain = new float[8];
        damp = new float[8];
        lp = new float[8];
        float d = (float) Math.exp(-2 * Math.PI * dampingHz / rate);
        for (int i = 0; i < 8; i++) {
            int len = (int) Math.round(LINES_44K[i] * scale);
            lines[i] = new float[len];
            gain[i] = (float) Math.pow(10, -3.0 * len / (rt60Seconds * rate));
            damp[i] = d;
        }
        ap = new float[4][];
        apPos = new int[4];
        for (int i = 0; i < 4; i++) ap[i] = new float[(int) Math.round(DIFFUSERS_44K[i] * scale)];
        pre = new float[Math.max(1, (int) Math.round(preDelayMs * 0.001 * rate))];
    }

    private final float[] mono = new float[MAX_RUN], diffused = new float[MAX_RUN];
    private final float[][] vs = new float[8][MAX_RUN];
    /** Longest run processed at once: every run stays shorter than the shortest delay. */
    private static final int MAX_RUN = 64;

    /**
     * Reads the stereo send {@code inL/inR} and writes the reverb's wet output into {@code outL/outR} (overwriting).
     *
     * <p>The song is processed in runs shorter than every delay, and so that no delay's position
     * wraps inside a run: within a run, each delay reads only values written before the run began,
     * so it can read the whole run first and write it back afterwards. That turns the per-sample
     * loop over eight lines into short loops over contiguous arrays (which the JIT vectorises),
     * while each sample still sees exactly the arithmetic of the sample-by-sample form.
     */
    void process(float[] inL, float[] inR, float[] outL, float[] outR, int from, int to) {
        final float hada = 0.35355339f; // 1/sqrt(8): keeps the matrix orthonormal (lossless)
        float[] mono = this.mono, x = this.diffused;
        float[][] v = vs;
        for (int n = from; n < to; ) {
            int run = Math.min(MAX_RUN, to - n);
            run = Math.min(run, pre.length - prePos);
            for (int a = 0; a < 4; a++) run = Math.min(run, ap[a].length - apPos[a]);
            for (int i = 0; i < 8; i++) run = Math.min(run, lines[i].length - pos[i]);

            // pre-delay
            for (int j = 0; j < run; j++) mono[j] = (inL[n + j] + inR[n + j]) * 0.5f;
            System.arraycopy(pre, prePos, x, 0, run);
            System.arraycopy(mono, 0, pre, prePos, run);
            prePos += run;
            if (prePos == pre.length) prePos = 0;
            // two series all-pass pairs
            for (int a = 0; a < 4; a++) {
                float[] buf = ap[a];
                int p = apPos[a];
                for (int j = 0; j < run; j++) {
                    float y = buf[p + j] - 0.6f * x[j];
                    buf[p + j] = x[j] + 0.6f * y;
                    x[j] = y;
                }
                apPos[a] = p + run == buf.length ? 0 : p + run;
            }
            // the lines' outputs through their damping low-passes (eight independent recursions side by side)
            {
                float[] l0 = lines[0], l1 = lines[1], l2 = lines[2], l3 = lines[3], l4 = lines[4], l5 = lines[5], l6 = lines[6], l7 = lines[7];
                int p0 = pos[0], p1 = pos[1], p2 = pos[2], p3 = pos[3], p4 = pos[4], p5 = pos[5], p6 = pos[6], p7 = pos[7];
                float d0 = damp[0], d1 = damp[1], d2 = damp[2], d3 = damp[3], d4 = damp[4], d5 = damp[5], d6 = damp[6], d7 = damp[7];
                float g0 = gain[0], g1 = gain[1], g2 = gain[2], g3 = gain[3], g4 = gain[4], g5 = gain[5], g6 = gain[6], g7 = gain[7];
                float q0 = lp[0], q1 = lp[1], q2 = lp[2], q3 = lp[3], q4 = lp[4], q5 = lp[5], q6 = lp[6], q7 = lp[7];
                float[] v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3], v4 = v[4], v5 = v[5], v6 = v[6], v7 = v[7];
                for (int j = 0; j < run; j++) {
                    float o;
                    o = l0[p0 + j]; q0 = o + d0 * (q0 - o); v0[j] = q0 * g0;
                    o = l1[p1 + j]; q1 = o + d1 * (q1 - o); v1[j] = q1 * g1;
                    o = l2[p2 + j]; q2 = o + d2 * (q2 - o); v2[j] = q2 * g2;
                    o = l3[p3 + j]; q3 = o + d3 * (q3 - o); v3[j] = q3 * g3;
                    o = l4[p4 + j]; q4 = o + d4 * (q4 - o); v4[j] = q4 * g4;
                    o = l5[p5 + j]; q5 = o + d5 * (q5 - o); v5[j] = q5 * g5;
                    o = l6[p6 + j]; q6 = o + d6 * (q6 - o); v6[j] = q6 * g6;
                    o = l7[p7 + j]; q7 = o + d7 * (q7 - o); v7[j] = q7 * g7;
                }
                lp[0] = q0; lp[1] = q1; lp[2] = q2; lp[3] = q3; lp[4] = q4; lp[5] = q5; lp[6] = q6; lp[7] = q7;
            }
            // outputs: even lines left, odd lines right
            for (int j = 0; j < run; j++) {
                outL[n + j] = (v[0][j] + v[2][j] + v[4][j] + v[6][j]) * 0.25f;
                outR[n + j] = (v[1][j] + v[3][j] + v[5][j] + v[7][j]) * 0.25f;
            }
            // fast Walsh-Hadamard transform of the eight lines, then back into them with the diffused input
            for (int h = 1; h < 8; h <<= 1)
                for (int i = 0; i < 8; i += h << 1)
                    for (int k = i; k < i + h; k++) {
                        float[] a = v[k], b = v[k + h];
                        for (int j = 0; j < run; j++) {
                            float av = a[j], bv = b[j];
                            a[j] = av + bv;
                            b[j] = av - bv;
                        }
                    }
            for (int i = 0; i < 8; i++) {
                float[] line = lines[i], vi = v[i];
                int p = pos[i];
                for (int j = 0; j < run; j++) line[p + j] = vi[j] * hada + x[j];
                pos[i] = p + run == line.length ? 0 : p + run;
            }
            n += run;
        }
        for (int i = 0; i < 8; i++) if (Math.abs(lp[i]) < 1e-20f) lp[i] = 0;
    }
}
