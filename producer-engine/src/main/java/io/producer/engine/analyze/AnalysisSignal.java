package io.producer.engine.analyze;

import io.producer.engine.audio.AudioBuffer;

/**
 * The mono signal analysis works on: the stereo mixdown band-limited and resampled to
 * {@link #RATE} (all the pitch and rhythm cues we use lie below its Nyquist frequency, and a quarter
 * of the CD rate makes every later stage four times cheaper), scaled to a fixed RMS so that the
 * log compression of the spectral stages behaves the same for quiet and loud uploads.
 */
final class AnalysisSignal {
    static final int RATE = 11025;
    private static final double TARGET_RMS = 0.1;
    /** Kernel phases: sub-sample positions per input sample. */
    private static final int PHASES = 32;
    /** Zero crossings of the resampling kernel on each side, in output samples. */
    private static final int ZERO_CROSSINGS = 6;

    final float[] samples;
    /** RMS of the mixdown before scaling, in dBFS (the level of the upload). */
    final double inputRmsDb;

    private AnalysisSignal(float[] samples, double inputRmsDb) {
        this.samples = samples;
        this.inputRmsDb = inputRmsDb;
    }

    double seconds() { return (double) samples.length / RATE; }

    static AnalysisSignal of(AudioBuffer audio) {
        float[] l = audio.left(), r = audio.right();
        int n = audio.frames();
        float[] mono = new float[n];
        for (int i = 0; i < n; i++) mono[i] = 0.5f * (l[i] + r[i]);
        float[] out = audio.sampleRate() == RATE ? mono : resample(mono, audio.sampleRate());
        double sum = 0;
        for (float v : out) sum += (double) v * v;
        double rms = out.length == 0 ? 0 : Math.sqrt(sum / out.length);
        double rmsDb = rms > 1e-9 ? 20 * Math.log10(rms) : -180;
        if (rms > 1e-7) {
            float g = (float) (TARGET_RMS / rms);
            for (int i = 0; i < out.length; i++) out[i] *= g;
        }
        return new AnalysisSignal(out, rmsDb);
    }

    /**
     * Windowed-sinc resampling evaluated only at the output instants: a polyphase filter whose
     * kernel is tabulated for 32 sub-sample phases, so a 4-minute song costs one short dot product
     * (48 taps from 44.1 kHz) per output sample.
     */
    static float[] resample(float[] x, int inRate) {
        double ratio = (double) inRate / RATE;
        double stretch = Math.max(1.0, ratio);
        double cutoff = 0.45 / stretch; // cycles per input sample, a little under the output Nyquist
        int half = (int) Math.ceil(ZERO_CROSSINGS * stretch);
        int taps = 2 * half;
        // kernel[phase][tap] weighs x[c - half + 1 + tap] for an output at c + phase / PHASES
        float[][] kernel = new float[PHASES][taps];
        for (int p = 0; p < PHASES; p++) {
            double frac = (double) p / PHASES;
            for (int tap = 0; tap < taps; tap++) {
                double t = Math.abs(tap - half + 1 - frac);
                double sinc = t == 0 ? 1 : Math.sin(2 * Math.PI * cutoff * t) / (2 * Math.PI * cutoff * t);
                double w = t >= half ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * t / half);
                kernel[p][tap] = (float) (2 * cutoff * sinc * w);
            }
        }
        int outN = (int) Math.floor(x.length / ratio);
        float[] y = new float[outN];
        for (int i = 0; i < outN; i++) {
            double pos = i * ratio;
            int c = (int) pos;
            int phase = (int) ((pos - c) * PHASES + 0.5);
            if (phase == PHASES) {
                phase = 0;
                c++;
            }
            float[] k = kernel[phase];
            int first = c - half + 1;
            float acc = 0;
            if (first >= 0 && first + taps <= x.length) {
                for (int tap = 0; tap < taps; tap++) acc += x[first + tap] * k[tap];
            } else {
                for (int tap = 0; tap < taps; tap++) {
                    int s = first + tap;
                    if (s >= 0 && s < x.length) acc += x[s] * k[tap];
                }
            }
            y[i] = acc;
        }
        return y;
    }
}
