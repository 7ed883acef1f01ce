package io.producer.engine.render;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Two cheap measurements that tell music from noise: spectral flatness (geometric over arithmetic
 * mean of the power spectrum: white noise ≈ 0.56, a tone or a chord near 0) and crest factor (peak
 * over RMS). Used to refuse a SoundFont Gervill decodes as noise, and by tests.
 */
public final class SoundCheck {
    private SoundCheck() {}

    /** Mean spectral flatness of Hann-windowed 2048-sample frames of {@code x[from..to)}, skipping silent frames; NaN when all are silent. */
    public static double spectralFlatness(float[] x, int from, int to) {
        int n = 2048;
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        double[] buf = new double[n];
        double sum = 0;
        int frames = 0;
        for (int start = from; start + n <= to; start += n) {
            double energy = 0;
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                buf[i] = x[start + i] * w;
                energy += buf[i] * buf[i];
            }
            if (energy < 1e-9) continue;
            fft.realForward(buf);
            double logSum = 0, linSum = 0;
            int bins = 0;
            for (int k = 1; k < n / 2; k++) {
                double p = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1] + 1e-20;
                logSum += Math.log(p);
                linSum += p;
                bins++;
            }
            sum += Math.exp(logSum / bins) / (linSum / bins);
            frames++;
        }
        return frames == 0 ? Double.NaN : sum / frames;
    }

    /** Peak over RMS of {@code x[from..to)}; 0 for silence. */
    public static double crestFactor(float[] x, int from, int to) {
        double peak = 0, sq = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
            sq += (double) x[i] * x[i];
        }
        if (sq == 0) return 0;
        return peak / Math.sqrt(sq / (to - from));
    }

    public static double rms(float[] x) {
        double sq = 0;
        for (float v : x) sq += (double) v * v;
        return x.length == 0 ? 0 : Math.sqrt(sq / x.length);
    }
}
