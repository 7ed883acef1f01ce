package io.producer.engine.render.synth;

/**
 * A wind chime: each note strikes a metal tube, i.e. a few inharmonic partials (the free-free bar
 * ratios 1, 2.76, 5.40, 8.93) ringing with long decays, the higher ones shorter; the strike position
 * varies so no two hits sound alike.
 */
public final class Chimes extends Voice {
    private static final double[] RATIO = {1, 2.76, 5.40, 8.93};
    private static final double[] DECAY_S = {3.5, 1.8, 0.9, 0.45};
    private final Noise noise = new Noise(0);
    private final double[] phase = new double[4], inc = new double[4];
    private final float[] amp = new float[4], coef = new float[4];
    private float panL, panR;

    @Override protected void onStart() {
        noise.reseed(seed);
        for (int k = 0; k < 4; k++) {
            phase[k] = 0;
            double f = hz * RATIO[k];
            inc[k] = f < rate * 0.45 ? f / rate : 0;
            amp[k] = (float) ((k == 0 ? 1 : 0.5 + 0.4 * noise.uniform()) / (k + 1) * velocity * 0.22);
            coef[k] = (float) Math.exp(-1.0 / (DECAY_S[k] * rate));
        }
        float p = noise.uniform();
        panL = (float) Math.cos(p * Math.PI / 2);
        panR = (float) Math.sin(p * Math.PI / 2);
    }

    @Override protected boolean render(float[] left, float[] right, int from, int to) {
        for (int i = from; i < to; i++) {
            float s = 0;
            for (int k = 0; k < 4; k++) {
                if (inc[k] == 0) continue;
                phase[k] += inc[k];
                if (phase[k] >= 1) phase[k] -= 1;
                s += (float) Math.sin(2 * Math.PI * phase[k]) * amp[k];
                amp[k] *= coef[k];
            }
            left[i] += s * panL;
            right[i] += s * panR;
        }
        return amp[0] > 1e-4f;
    }
}
