package io.producer.engine.render.synth;

/**
 * A build-up riser: noise through a band-pass sweeping up from 200 Hz to 9 kHz over the note, and
 * a rising sine an octave span above the note, both swelling towards the end.
 */
public final class Riser extends Voice {
    private final Noise noise = new Noise(0);
    private final Svf bpL = new Svf(), bpR = new Svf();
    private double phase;
    private final Adsr release = new Adsr();

    @Override protected void onStart() {
        noise.reseed(seed);
        phase = 0;
        release.start(rate, 0.001, 1, 1, 0.25);
        bpL.reset(); bpR.reset();
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            float rel = release.next(t < length);
            double x = Math.min(1.0, (double) t / length);
            if (((i - from) & 31) == 0) {
                double cut = 200 * Math.pow(45, x);
                bpL.set(rate, cut, 2.5);
                bpR.set(rate, cut * 1.1, 2.5);
            }
            float swell = (float) (x * x) * rel;
            phase += Oscillators.midiToHz(midi + 12 * x) / rate;
            if (phase >= 1) phase -= 1;
            float tone = (float) Math.sin(2 * Math.PI * phase) * 0.25f;
            float g = swell * velocity * 0.3f;
            left[i] += (bpL.bandPass(noise.next()) + tone) * g;
            right[i] += (bpR.bandPass(noise.next()) + tone) * g;
        }
        return !release.done();
    }
}
