package io.producer.engine.render.synth;

/**
 * A warm pad: detuned saws on each side plus a sub sine, through a low-pass whose cutoff breathes
 * slowly, with slow attack and release.
 */
public final class Pad extends Voice {
    private final float[] phase = new float[4], inc = new float[4];
    private double sub, lfo, lfoInc;
    private final Adsr amp = new Adsr();
    private final Svf lpL = new Svf(), lpR = new Svf();
    private float baseCut;

    private final Noise rnd = new Noise(0);

    @Override protected void onStart() {
        rnd.reseed(seed);
        double[] cents = {-11, 7, -5, 12};
        for (int i = 0; i < 4; i++) {
            inc[i] = (float) (hz * Math.pow(2, cents[i] / 1200) / rate);
            phase[i] = rnd.uniform();
        }
        sub = 0;
        lfo = rnd.uniform();
        lfoInc = (0.08 + 0.07 * rnd.uniform()) / rate;
        amp.start(rate, 0.45, 1.2, 0.85, 0.8);
        baseCut = (float) Math.min(700 + hz * 2, 3000);
        lpL.reset(); lpR.reset();
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            float a = amp.next(t < length);
            if (((i - from) & 63) == 0) {
                lfo += lfoInc * 64;
                if (lfo >= 1) lfo -= 1;
                double cut = baseCut * (1 + 0.8 * Math.sin(2 * Math.PI * lfo)) + 250;
                lpL.set(rate, cut, 0.8);
                lpR.set(rate, cut * 1.07, 0.8);
            }
            float l = 0, r = 0;
            for (int k = 0; k < 4; k++) {
                float p = phase[k] + inc[k];
                if (p >= 1f) p -= 1f;
                phase[k] = p;
                float s = Oscillators.saw(p, inc[k]);
                if ((k & 1) == 0) l += s; else r += s;
            }
            sub += hz * 0.5 / rate;
            if (sub >= 1) sub -= 1;
            float s = (float) Math.sin(2 * Math.PI * sub) * 0.6f;
            float g = a * (0.4f + 0.6f * velocity) * 0.085f;
            left[i] += (lpL.lowPass(l) + s) * g;
            right[i] += (lpR.lowPass(r) + s) * g;
        }
        return !amp.done();
    }
}
