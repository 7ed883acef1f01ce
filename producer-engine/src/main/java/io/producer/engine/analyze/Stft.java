package io.producer.engine.analyze;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * A short-time Fourier transform walked frame by frame: frame {@code j} is centred on sample
 * {@code j * hop} (the signal is zero-padded by half a window at both ends), Hann-windowed, and
 * handed to the visitor as amplitude per bin (a full-scale sinusoid reads about 1), so no
 * spectrogram matrix is ever held in memory.
 */
final class Stft {
    interface FrameVisitor {
        void frame(int index, float[] amplitude);
    }

    final int size;
    final int hop;
    private final float[] window;
    private final float norm;

    Stft(int size, int hop) {
        this.size = size;
        this.hop = hop;
        this.window = new float[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
            sum += window[i];
        }
        this.norm = (float) (2.0 / sum);
    }

    int frames(int samples) { return samples / hop + 1; }

    double binHz(int bin, int rate) { return (double) bin * rate / size; }

    void run(float[] x, FrameVisitor visitor) {
        FloatFFT_1D fft = new FloatFFT_1D(size);
        float[] buf = new float[size];
        float[] amp = new float[size / 2 + 1];
        int frames = frames(x.length);
        int halfWin = size / 2;
        for (int j = 0; j < frames; j++) {
            int start = j * hop - halfWin;
            for (int i = 0; i < size; i++) {
                int s = start + i;
                buf[i] = s >= 0 && s < x.length ? x[s] * window[i] : 0f;
            }
            fft.realForward(buf);
            amp[0] = Math.abs(buf[0]) * norm;
            amp[size / 2] = Math.abs(buf[1]) * norm;
            for (int k = 1; k < size / 2; k++) {
                float re = buf[2 * k], im = buf[2 * k + 1];
                amp[k] = (float) Math.sqrt(re * re + im * im) * norm;
            }
            visitor.frame(j, amp);
        }
    }
}
