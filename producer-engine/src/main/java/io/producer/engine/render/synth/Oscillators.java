package io.producer.engine.render.synth;

/** Band-limited oscillator shapes: naive waveforms with a polyBLEP residual at each discontinuity. */
public final class Oscillators {
    private Oscillators() {}

    /** The polyBLEP correction for phase {@code t} in [0, 1) and phase increment {@code dt}. */
    public static float polyBlep(float t, float dt) {
        if (t < dt) {
            float x = t / dt;
            return x + x - x * x - 1f;
        }
        if (t > 1f - dt) {
            float x = (t - 1f) / dt;
            return x * x + x + x + 1f;
        }
        return 0f;
    }

    /** Sawtooth in [-1, 1] at phase {@code t}. */
    public static float saw(float t, float dt) {
        return 2f * t - 1f - polyBlep(t, dt);
    }

    /** Square in [-1, 1] at phase {@code t}. */
    public static float square(float t, float dt) {
        float v = t < 0.5f ? 1f : -1f;
        v += polyBlep(t, dt);
        float t2 = t + 0.5f;
        if (t2 >= 1f) t2 -= 1f;
        return v - polyBlep(t2, dt);
    }

    public static double midiToHz(double midi) { return 440.0 * Math.pow(2, (midi - 69) / 12.0); }
}
