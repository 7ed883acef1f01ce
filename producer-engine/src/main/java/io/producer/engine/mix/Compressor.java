package io.producer.engine.mix;

/**
 * Feed-forward, stereo-linked compressor with a soft knee. The detector follows the louder channel
 * with separate attack and release; the gain is computed in dB once per 16 samples and interpolated,
 * which is inaudible and spares a log and a pow per sample.
 */
final class Compressor {
    private static final int STEP = 16;
    private final double thresholdDb, ratio, kneeDb, makeupDb;
    private final float attack, release;

    Compressor(int rate, double thresholdDb, double ratio, double attackMs, double releaseMs, double makeupDb) {
        this.thresholdDb = thresholdDb;
        this.ratio = ratio;
        this.kneeDb = 6;
        this.makeupDb = makeupDb;
        this.attack = (float) Math.exp(-1.0 / (attackMs * 0.001 * rate));
        this.release = (float) Math.exp(-1.0 / (releaseMs * 0.001 * rate));
    }

    /** Gain reduction (dB, ≤ 0) of the static curve for a detector level in dB. */
    double curve(double levelDb) {
        double over = levelDb - thresholdDb;
        if (over <= -kneeDb / 2) return 0;
        if (over >= kneeDb / 2) return -over * (1 - 1 / ratio);
        double x = over + kneeDb / 2;
        return -(1 - 1 / ratio) * x * x / (2 * kneeDb);
    }

    /** Compresses in place. */
    void process(float[] left, float[] right) {
        float[] g = gains(left, right);
        for (int i = 0; i < left.length; i++) {
            left[i] *= g[i];
            right[i] *= g[i];
        }
    }

    /** The linear gain per frame this compressor would apply to the given (side-chain) signal. */
    float[] gains(float[] left, float[] right) {
        int n = left.length;
        float[] out = new float[n];
        float env = 0;
        double makeup = Math.pow(10, makeupDb / 20);
        float prev = (float) makeup;
        for (int start = 0; start < n; start += STEP) {
            int end = Math.min(n, start + STEP);
            for (int i = start; i < end; i++) {
                float x = Math.max(Math.abs(left[i]), Math.abs(right[i]));
                env = x > env ? attack * env + (1 - attack) * x : release * env + (1 - release) * x;
            }
            double db = env > 1e-9 ? 20 * Math.log10(env) : -180;
            float target = (float) (Math.pow(10, curve(db) / 20) * makeup);
            float step = (target - prev) / (end - start);
            for (int i = start; i < end; i++) {
                prev += step;
                out[i] = prev;
            }
            prev = target;
        }
        return out;
    }
}
