package io.producer.engine.render.synth;

/** A fast deterministic white-noise source (xorshift32), uniform in [-1, 1). */
public final class Noise {
    private int state;

    public Noise(long seed) {
        reseed(seed);
    }

    public void reseed(long seed) {
        long z = (seed ^ (seed >>> 33)) * 0xff51afd7ed558ccdL;
        int s = (int) (z ^ (z >>> 32));
        state = s == 0 ? 0x9E3779B9 : s;
    }

    public float next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return x * (1.0f / 2147483648f);
    }

    /** Uniform in [0, 1). */
    public float uniform() { return (next() + 1f) * 0.5f; }
}
