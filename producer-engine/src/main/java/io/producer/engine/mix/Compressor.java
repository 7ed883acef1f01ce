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

    /** Compresses whole arrays in place (a fresh compressor per signal). */
    void process(float[] left, float[] right) {
        process(left, right, left.length);
    }

    /** Compresses the next {@code n} frames in place; blocks must be multiples of 16 frames except the last. */
    void process(float[] left, float[] right, int n) {
        if (scratch.length < n) scratch = new float[n];
        float[] g = scratch;
        gains(left, right, n, g);
        for (int i = 0; i < n; i++) {
            left[i] *= g[i];
            right[i] *= g[i];
        }
    }

    private float[] scratch = new float[0];
    private float env;
    private float prev = Float.NaN;

    /**
     * The linear gain per frame this compressor applies to the next {@code n} frames of the given
     * (side-chain) signal, into {@code out}; the detector carries over from block to block, so blocks
     * give the same gains as one long call (blocks must be multiples of 16 frames except the last).
     */
    void gains(float[] left, float[] right, int n, float[] out) {
        double makeup = Math.pow(10, makeupDb / 20);
        if (prev != prev) prev = (float) makeup;
        float env = this.env, prev = this.prev;
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
        this.env = env;
        this.prev = prev;
    }
}
