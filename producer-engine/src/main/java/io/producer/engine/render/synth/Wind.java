package io.producer.engine.render.synth;

/**
 * Wind: noise through two band-pass filters whose centres wander slowly (a smoothed random walk),
 * with gusts swelling the level. The note's pitch sets the middle of the howl.
 */
public final class Wind extends Voice {
    private final Noise noise = new Noise(0);
    private final Svf bpL = new Svf(), bpR = new Svf();
    private final Adsr amp = new Adsr();
    private double walkL, walkR, gust, gustTarget, centre;

    @Override protected void onStart() {
        noise.reseed(seed);
        amp.start(rate, 1.5, 1, 1, 1.5);
        walkL = walkR = 0;
        gust = 0.5;
        gustTarget = 0.5;
        centre = Math.max(250, Math.min(1200, hz));
        bpL.reset(); bpR.reset();
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        long t = age;
        for (int i = from; i < to; i++, t++) {
            float a = amp.next(t < length) * velocity;
            if (((i - from) & 127) == 0) {
                double step = 128.0 / rate;
                walkL += (noise.next() * 0.9 - walkL * 0.3) * step;
                walkR += (noise.next() * 0.9 - walkR * 0.3) * step;
                if (noise.uniform() < step * 0.4) gustTarget = 0.25 + 0.75 * noise.uniform();
                gust += (gustTarget - gust) * step * 0.8;
                bpL.set(rate, centre * Math.pow(2, 1.5 * walkL), 3.0);
                bpR.set(rate, centre * Math.pow(2, 1.5 * walkR) * 1.12, 3.0);
            }
            float g = (float) (a * gust * 0.35);
            left[i] += bpL.bandPass(noise.next()) * g;
            right[i] += bpR.bandPass(noise.next()) * g;
        }
        return !amp.done();
    }
}
