package io.producer.engine.render.synth;

/**
 * Zavalishin's topology-preserving state-variable filter: stays stable and click-free while its
 * cutoff sweeps, which the synths' filter envelopes need. One channel.
 */
public final class Svf {
    private double g, k, a1, a2, a3;
    private double ic1, ic2;

    public void set(double rate, double hz, double q) {
        g = Math.tan(Math.PI * Math.min(hz, rate * 0.45) / rate);
        k = 1 / q;
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
    }

    public void reset() { ic1 = ic2 = 0; }

    public float lowPass(float x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * v1 - ic1;
        ic2 = 2 * v2 - ic2;
        return (float) v2;
    }

    public float bandPass(float x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * v1 - ic1;
        ic2 = 2 * v2 - ic2;
        return (float) v1;
    }

    public float highPass(float x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * v1 - ic1;
        ic2 = 2 * v2 - ic2;
        return (float) (x - k * v1 - v2);
    }
}
