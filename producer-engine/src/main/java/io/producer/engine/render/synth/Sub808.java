package io.producer.engine.render.synth;

/**
 * The 808 sub bass: a sine whose pitch drops from above the note onto it in the first tens of
 * milliseconds (the "boom"), with a long decay and soft-clipping drive that adds the harmonics small
 * speakers need to hear it.
 */
public final class Sub808 extends Voice {
    private double phase, glide;
    private final Adsr amp = new Adsr();
    private float drive, norm;

    @Override protected void onStart() {
        phase = 0;
        glide = 1.0;  // octave-ratio above the target that decays to 0
        amp.start(rate, 0.002, 1.6, 0.35, 0.09);
        drive = 1.5f + 2.5f * velocity;
        norm = (float) (1 / Math.tanh(drive));
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        double glideCoef = Math.exp(-1.0 / (0.035 * rate));
        for (int i = from; i < to; i++, t++) {
            float a = amp.next(t < length);
            glide *= glideCoef;
            phase += hz * (1 + 1.5 * glide) / rate;
            if (phase >= 1) phase -= 1;
            float s = (float) Math.sin(2 * Math.PI * phase);
            float y = (float) Math.tanh(drive * s) * norm * a * velocity * 0.32f;
            left[i] += y;
            right[i] += y;
        }
        return !amp.done();
    }
}
