package io.producer.engine.voice;

/**
 * Band-limited interpolation (Hann-windowed sinc, 16 taps, 1024 phases) of a phrase rendered at its
 * own rate onto the song's sample grid. The singer's rates are always below the song's, so the
 * kernel only has to interpolate, never to filter out aliases.
 */
final class Resampler {
    private Resampler() {}

    private static final int HALF = 8;
    private static final int TAPS = 2 * HALF;
    private static final int PHASES = 1024;
    private static final float[] KERNEL = new float[(PHASES + 1) * TAPS];

    static {
        for (int p = 0; p <= PHASES; p++) {
            double frac = (double) p / PHASES;
            double sum = 0;
            double[] k = new double[TAPS];
            for (int t = 0; t < TAPS; t++) {
                double x = t - (HALF - 1) - frac;
                double sinc = Math.abs(x) < 1e-9 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double win = 0.5 + 0.5 * Math.cos(Math.PI * x / HALF);
                k[t] = sinc * win;
                sum += k[t];
            }
            for (int t = 0; t < TAPS; t++) KERNEL[p * TAPS + t] = (float) (k[t] / sum);
        }
    }

    /**
     * Adds {@code src} (sample j at {@code origin + j / srcRate} seconds) times {@code gain} into
     * {@code dst} at {@code dstRate}.
     */
    static void addInto(float[] src, double srcRate, double origin, float[] dst, int dstRate, float gain) {
        if (src.length == 0) return;
        int first = Math.max(0, (int) Math.ceil(origin * dstRate));
        int last = Math.min(dst.length - 1, (int) Math.floor((origin + (src.length - 1) / srcRate) * dstRate));
        for (int i = first; i <= last; i++) {
            double pos = (i / (double) dstRate - origin) * srcRate;
            int base = (int) Math.floor(pos);
            double frac = pos - base;
            int phase = (int) Math.round(frac * PHASES);
            int k = phase * TAPS;
            int j0 = base - (HALF - 1);
            double acc = 0;
            if (j0 >= 0 && j0 + TAPS <= src.length) {
                for (int t = 0; t < TAPS; t++) acc += KERNEL[k + t] * src[j0 + t];
            } else {
                for (int t = 0; t < TAPS; t++) {
                    int j = j0 + t;
                    if (j >= 0 && j < src.length) acc += KERNEL[k + t] * src[j];
                }
            }
            dst[i] += (float) (acc * gain);
        }
    }
}
