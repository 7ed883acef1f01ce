package io.producer.engine.testing;

import io.producer.engine.audio.AudioBuffer;

/**
 * The eval tools' two click measures (../shared/eval/lib/clicks.js), for a buffer in memory:
 * the largest sample-to-sample jump in dB above the RMS of the surrounding ~50 ms (floor -60 dBFS),
 * and the same jump above the RMS of the first difference there (floor -80 dBFS), which music reads
 * at 17-20 dB and a splice or a one-sample spike at 23-25.
 */
public final class ClickMeter {
    private static final int BLOCK = 256, BLOCKS_EACH_SIDE = 4;

    private ClickMeter() {}

    public static double maxJumpDb(AudioBuffer b) {
        double worst = -200;
        int half = b.sampleRate() / 40;
        for (float[] x : new float[][]{b.left(), b.right()}) {
            int n = x.length;
            double[] cum = new double[n + 1];
            for (int i = 0; i < n; i++) cum[i + 1] = cum[i] + x[i] * (double) x[i];
            for (int i = 1; i < n; i++) {
                double jump = Math.abs(x[i] - x[i - 1]);
                if (jump < 1e-4) continue;
                int a = Math.max(0, i - half), z = Math.min(n, i + half);
                double rms = Math.max(Math.sqrt((cum[z] - cum[a]) / (z - a)), 1e-3);
                worst = Math.max(worst, 20 * Math.log10(jump / rms));
            }
        }
        return worst;
    }

    /** clicks.js's {@code click_hf_max_db}: windows of 9 blocks of 256 samples (scaled to the rate) centred on the jump's block. */
    public static double maxHfJumpDb(AudioBuffer b) {
        double worst = -200;
        int block = Math.max(64, Math.round(BLOCK * b.sampleRate() / 44100f));
        for (float[] x : new float[][]{b.left(), b.right()}) {
            int n = x.length, blocks = (n + block - 1) / block;
            double[] cum = new double[blocks + 1];
            for (int i = 1; i < n; i++) cum[i / block + 1] += (x[i] - x[i - 1]) * (double) (x[i] - x[i - 1]);
            for (int k = 0; k < blocks; k++) cum[k + 1] += cum[k];
            for (int i = 1; i < n; i++) {
                double jump = Math.abs(x[i] - x[i - 1]);
                if (jump < 1e-4) continue;
                int k = i / block, lo = Math.max(0, k - BLOCKS_EACH_SIDE), hi = Math.min(blocks, k + BLOCKS_EACH_SIDE + 1);
                int len = Math.min(n, hi * block) - lo * block;
                double rms = Math.max(1e-4, Math.sqrt(Math.max(0, cum[hi] - cum[lo] - jump * jump) / len));
                worst = Math.max(worst, 20 * Math.log10(jump / rms));
            }
        }
        return worst;
    }
}
