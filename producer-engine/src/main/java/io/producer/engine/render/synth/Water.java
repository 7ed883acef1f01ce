package io.producer.engine.render.synth;

/**
 * A stream: a bed of low-passed noise plus many small bubbles — short sines whose pitch rises as
 * they decay, the sound a resonating air bubble makes — scattered at random across the stereo field.
 */
public final class Water extends Voice {
    private static final int BUBBLES = 12;
    private final Noise noise = new Noise(0);
    private final Biquad bedL = new Biquad(), bedR = new Biquad();
    private final Adsr amp = new Adsr();
    private final double[] bPhase = new double[BUBBLES], bHz = new double[BUBBLES];
    private final float[] bAmp = new float[BUBBLES], bPan = new float[BUBBLES];
    private float bubbleDecay, bubbleRate;
    private double rise;

    @Override protected void onStart() {
        noise.reseed(seed);
        bedL.setLowPass(rate, 900, 0.7);
        bedR.setLowPass(rate, 1000, 0.7);
        amp.start(rate, 1.0, 1, 1, 1.0);
        java.util.Arrays.fill(bAmp, 0);
        bubbleDecay = (float) Math.exp(-1.0 / (0.018 * rate));
        bubbleRate = 40f / rate;
        rise = Math.pow(2, 1.0 / (0.03 * rate));  // about an octave per 30 ms
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            float a = amp.next(t < length) * velocity;
            if (noise.uniform() < bubbleRate) {
                int k = (int) (noise.uniform() * BUBBLES);
                bHz[k] = 400 + 1800 * noise.uniform() * noise.uniform() + hz * 0.5;
                bPhase[k] = 0;
                bAmp[k] = 0.05f + 0.12f * noise.uniform();
                bPan[k] = noise.uniform();
            }
            float l = 0, r = 0;
            for (int k = 0; k < BUBBLES; k++) {
                if (bAmp[k] < 1e-4f) continue;
                bPhase[k] += bHz[k] / rate;
                if (bPhase[k] >= 1) bPhase[k] -= 1;
                bHz[k] *= rise;
                float s = (float) Math.sin(2 * Math.PI * bPhase[k]) * bAmp[k];
                bAmp[k] *= bubbleDecay;
                l += s * (1 - bPan[k]);
                r += s * bPan[k];
            }
            left[i] += a * (bedL.process(noise.next()) * 0.06f + l);
            right[i] += a * (bedR.process(noise.next()) * 0.06f + r);
        }
        return !amp.done();
    }
}
