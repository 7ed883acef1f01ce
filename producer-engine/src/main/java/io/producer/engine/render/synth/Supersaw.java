package io.producer.engine.render.synth;

/**
 * The trance/EDM lead and chord sound: seven detuned band-limited saws spread across the stereo
 * field, through a resonant low-pass whose cutoff falls from bright to warm after each attack.
 */
public final class Supersaw extends Voice {
    private static final double[] DETUNE = {0, -0.11, 0.11, -0.33, 0.33, -0.62, 0.62};   // in units of the spread
    private static final double SPREAD_CENTS = 28;
    private final float[] phase = new float[7], inc = new float[7];
    private final Adsr amp = new Adsr(), filterEnv = new Adsr();
    private final Svf lpL = new Svf(), lpR = new Svf();
    private float cutoffBase, cutoffRange;

    private final Noise rnd = new Noise(0);

    @Override protected void onStart() {
        rnd.reseed(seed);
        for (int i = 0; i < 7; i++) {
            inc[i] = (float) (hz * Math.pow(2, DETUNE[i] * SPREAD_CENTS / 1200) / rate);
            phase[i] = rnd.uniform();
        }
        amp.start(rate, 0.006, 0.3, 0.75, 0.18);
        filterEnv.start(rate, 0.002, 0.35, 0.25, 0.3);
        cutoffBase = (float) Math.min(hz * 4 + 900, 6000);
        cutoffRange = 4500f * (0.5f + velocity);
        lpL.reset(); lpR.reset();
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            boolean gate = t < length;
            float a = amp.next(gate);
            float f = filterEnv.next(gate);
            if (((i - from) & 31) == 0) {
                lpL.set(rate, cutoffBase + cutoffRange * f, 0.9);
                lpR.set(rate, cutoffBase + cutoffRange * f, 0.9);
            }
            float l = 0, r = 0;
            for (int k = 0; k < 7; k++) {
                float p = phase[k] + inc[k];
                if (p >= 1f) p -= 1f;
                phase[k] = p;
                float s = Oscillators.saw(p, inc[k]);
                if (k == 0) { l += s; r += s; }
                else if ((k & 1) == 1) { l += s; r += 0.35f * s; }
                else { r += s; l += 0.35f * s; }
            }
            float g = a * velocity * 0.075f;
            left[i] += lpL.lowPass(l) * g;
            right[i] += lpR.lowPass(r) * g;
        }
        return !amp.done();
    }
}
