package io.producer.engine.render.synth;

/**
 * A plucked synth for arpeggios: saw and square through a low-pass with a fast filter envelope,
 * short amplitude decay; the square sits a little to one side for width.
 */
public final class Pluck extends Voice {
    private float p1, p2, inc1, inc2;
    private final Adsr amp = new Adsr(), fenv = new Adsr();
    private final Svf lpL = new Svf(), lpR = new Svf();
    private float base, range;

    private final Noise rnd = new Noise(0);

    @Override protected void onStart() {
        rnd.reseed(seed);
        p1 = rnd.uniform();
        p2 = rnd.uniform();
        inc1 = (float) (hz / rate);
        inc2 = (float) (hz * Math.pow(2, 6 / 1200.0) / rate);
        amp.start(rate, 0.002, 0.35, 0.0, 0.12);
        fenv.start(rate, 0.001, 0.12, 0.0, 0.1);
        base = (float) Math.min(hz * 1.5 + 300, 4000);
        range = 5000f * (0.4f + 0.6f * velocity);
        lpL.reset(); lpR.reset();
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            boolean gate = t < length;
            float a = amp.next(gate);
            float f = fenv.next(gate);
            if (((i - from) & 15) == 0) {
                lpL.set(rate, base + range * f, 1.1);
                lpR.set(rate, base + range * f * 0.9, 1.1);
            }
            p1 += inc1; if (p1 >= 1f) p1 -= 1f;
            p2 += inc2; if (p2 >= 1f) p2 -= 1f;
            float s1 = Oscillators.saw(p1, inc1), s2 = Oscillators.square(p2, inc2);
            float g = a * velocity * 0.2f;
            left[i] += lpL.lowPass(s1 * 0.7f + s2 * 0.3f) * g;
            right[i] += lpR.lowPass(s1 * 0.4f + s2 * 0.6f) * g;
        }
        return !amp.done();
    }
}
