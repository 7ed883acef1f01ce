package io.producer.engine.mix;

import io.producer.engine.render.synth.Biquad;

/**
 * Split-band de-esser: the band above ~5.5 kHz is followed by an envelope and turned down only
 * while it dominates the voice (an "s" or "t"), by up to 8 dB. The output is
 * {@code x − (1 − g)·high(x)}, so with no reduction it is exactly the input.
 */
final class DeEsser {
    private final Biquad hpL, hpR;
    private final float att, rel;
    private final double ratioThreshold;

    DeEsser(int rate) {
        hpL = Biquad.highPass(rate, 5500, 0.707);
        hpR = Biquad.highPass(rate, 5500, 0.707);
        att = (float) Math.exp(-1.0 / (0.001 * rate));
        rel = (float) Math.exp(-1.0 / (0.060 * rate));
        ratioThreshold = 0.45;
    }

    private float envHigh, envAll;

    void process(float[] left, float[] right) {
        process(left, right, left.length);
    }

    /** The next {@code n} frames, in place; the envelopes carry over between blocks. */
    void process(float[] left, float[] right, int n) {
        float envHigh = this.envHigh, envAll = this.envAll;
        for (int i = 0; i < n; i++) {
            float hl = hpL.process(left[i]), hr = hpR.process(right[i]);
            float h = Math.max(Math.abs(hl), Math.abs(hr));
            float a = Math.max(Math.abs(left[i]), Math.abs(right[i]));
            envHigh = h > envHigh ? att * envHigh + (1 - att) * h : rel * envHigh + (1 - rel) * h;
            envAll = a > envAll ? att * envAll + (1 - att) * a : rel * envAll + (1 - rel) * a;
            float g = 1f;
            if (envAll > 1e-6f) {
                double share = envHigh / envAll;
                if (share > ratioThreshold) g = (float) Math.max(0.4, ratioThreshold / share);
            }
            left[i] -= (1 - g) * hl;
            right[i] -= (1 - g) * hr;
        }
        this.envHigh = envHigh;
        this.envAll = envAll;
    }
}
