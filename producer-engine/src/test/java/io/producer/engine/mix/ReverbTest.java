package io.producer.engine.mix;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The run-wise reverb gives exactly the samples of the plain sample-by-sample form it replaced. */
class ReverbTest {
    @Test void runWiseProcessingEqualsTheSampleBySampleForm() {
        for (int rate : new int[]{32000, 44100, 48000}) {
            int n = rate * 3;
            SplittableRandom rnd = new SplittableRandom(rate);
            float[] l = new float[n], r = new float[n];
            for (int i = 0; i < n; i++) {
                // bursts and silence, so the tails and the denormal flush are exercised too
                boolean on = (i / (rate / 4)) % 3 == 0;
                l[i] = on ? (float) (rnd.nextDouble() * 2 - 1) : 0f;
                r[i] = on ? (float) (rnd.nextDouble() * 2 - 1) : 0f;
            }
            Reverb fast = new Reverb(rate, 1.7, 20, 6000);
            SampleBySampleReverb ref = new SampleBySampleReverb(rate, 1.7, 20, 6000);
            float[] fl = new float[n], fr = new float[n], rl = new float[n], rr = new float[n];
            int[] blocks = {4096, 1000, 37, 4096, 1};
            int b = 0;
            for (int pos = 0; pos < n; ) {
                int m = Math.min(blocks[b++ % blocks.length], n - pos);
                fast.process(l, r, fl, fr, pos, pos + m);
                ref.process(l, r, rl, rr, pos, pos + m);
                pos += m;
            }
            assertArrayEquals(rl, fl, "left at " + rate);
            assertArrayEquals(rr, fr, "right at " + rate);
        }
    }

    /** The reverb as it was first written, one sample at a time: the reference. */
    private static final class SampleBySampleReverb {
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

    SampleBySampleReverb(int rate, double rt60Seconds, double preDelayMs, double dampingHz) {
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
}
