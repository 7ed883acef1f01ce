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
    private final float[] v = new float[8];

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

    /** Reads the stereo send {@code inL/inR} and writes the reverb's wet output into {@code outL/outR} (overwriting). */
    void process(float[] inL, float[] inR, float[] outL, float[] outR, int from, int to) {
        final float hada = 0.35355339f; // 1/sqrt(8): keeps the matrix orthonormal (lossless)
        for (int n = from; n < to; n++) {
            float x = pre[prePos];
            pre[prePos] = (inL[n] + inR[n]) * 0.5f;
            if (++prePos == pre.length) prePos = 0;
            for (int a = 0; a < 4; a++) {
                float[] buf = ap[a];
                int p = apPos[a];
                float delayed = buf[p];
                float y = delayed - 0.6f * x;
                buf[p] = x + 0.6f * y;
                x = y;
                if (++apPos[a] == buf.length) apPos[a] = 0;
            }
            for (int i = 0; i < 8; i++) {
                float out = lines[i][pos[i]];
                lp[i] = out + damp[i] * (lp[i] - out);
                v[i] = lp[i] * gain[i];
            }
            float l = v[0] + v[2] + v[4] + v[6], r = v[1] + v[3] + v[5] + v[7];
            // Fast Walsh-Hadamard transform of v
            for (int h = 1; h < 8; h <<= 1)
                for (int i = 0; i < 8; i += h << 1)
                    for (int j = i; j < i + h; j++) {
                        float a = v[j], b = v[j + h];
                        v[j] = a + b;
                        v[j + h] = a - b;
                    }
            for (int i = 0; i < 8; i++) {
                lines[i][pos[i]] = v[i] * hada + x;
                if (++pos[i] == lines[i].length) pos[i] = 0;
            }
            outL[n] = l * 0.25f;
            outR[n] = r * 0.25f;
        }
        for (int i = 0; i < 8; i++) if (Math.abs(lp[i]) < 1e-20f) lp[i] = 0;
    }
}
