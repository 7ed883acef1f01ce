package io.producer.engine.analyze;

/**
 * The rhythm features: a log-compressed, half-wave-rectified spectral flux (how much new energy
 * appears in each ~12 ms frame, summed over sixth-octave bands), the same restricted to the bass band (where
 * kicks and bass notes mark bar starts), and the RMS of each frame.
 */
final class OnsetEnvelope {
    static final int FFT = 512;
    static final int HOP = 128;
    /** Frames per second. */
    static final double RATE = (double) AnalysisSignal.RATE / HOP;
    private static final float COMPRESSION = 100f;
    private static final double BAND_RATIO = Math.pow(2, 1 / 6.0);
    private static final double BASS_HZ = 180;

    /** Onset strength, detrended and scaled to unit standard deviation. */
    final float[] strength;
    /** Bass-band onset strength, scaled like {@link #strength}. */
    final float[] bass;
    /** Frame RMS (linear amplitude of the normalised analysis signal). */
    final float[] rms;

    private OnsetEnvelope(float[] strength, float[] bass, float[] rms) {
        this.strength = strength;
        this.bass = bass;
        this.rms = rms;
    }

    static double frameSeconds(double frame) { return frame / RATE; }

    int frames() { return strength.length; }

    static OnsetEnvelope of(AnalysisSignal signal) {
        Stft stft = new Stft(FFT, HOP);
        int frames = stft.frames(signal.samples.length);
        float[] flux = new float[frames], bassFlux = new float[frames], rms = new float[frames];
        int bins = FFT / 2 + 1;
        int[] bandOf = new int[bins];
        int bands = logBands(stft, bandOf);
        int bassBands = bandOf[(int) Math.ceil(BASS_HZ / stft.binHz(1, AnalysisSignal.RATE))];
        double[] power = new double[bands];
        float[] prev = new float[bands];
        float[] cur = new float[bands];
        stft.run(signal.samples, (j, amp) -> {
            java.util.Arrays.fill(power, 0);
            double e = 0;
            for (int k = 1; k < bins; k++) {
                double p = (double) amp[k] * amp[k];
                power[bandOf[k]] += p;
                e += p;
            }
            double f = 0, fb = 0;
            for (int b = 0; b < bands; b++) {
                cur[b] = (float) Math.log1p(COMPRESSION * Math.sqrt(power[b]));
                float d = cur[b] - prev[b];
                if (d > 0) {
                    f += d;
                    if (b <= bassBands) fb += d;
                }
            }
            flux[j] = j == 0 ? 0f : (float) f;
            bassFlux[j] = j == 0 ? 0f : (float) fb;
            rms[j] = (float) Math.sqrt(e / 2);
            System.arraycopy(cur, 0, prev, 0, bands);
        });
        return new OnsetEnvelope(normalise(flux), normalise(bassFlux), rms);
    }

    /**
     * Bands of at least one bin and at least a sixth of an octave: every bin on its own in the bass,
     * wider bands higher up, so a kick and a hi-hat weigh by their musical register rather than by
     * how many FFT bins their noise happens to cover.
     */
    private static int logBands(Stft stft, int[] bandOf) {
        int band = 0;
        double bandStartHz = stft.binHz(1, AnalysisSignal.RATE);
        for (int k = 1; k < bandOf.length; k++) {
            double hz = stft.binHz(k, AnalysisSignal.RATE);
            if (k > 1 && hz >= bandStartHz * BAND_RATIO) {
                band++;
                bandStartHz = hz;
            }
            bandOf[k] = band;
        }
        return band + 1;
    }

    /** Subtract a one-second moving average, rectify, and scale to unit standard deviation. */
    private static float[] normalise(float[] x) {
        int n = x.length;
        int w = (int) Math.round(RATE * 0.5);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
        float[] y = new float[n];
        double sq = 0;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - w), b = Math.min(n, i + w + 1);
            double mean = (prefix[b] - prefix[a]) / (b - a);
            double v = x[i] - mean;
            y[i] = v > 0 ? (float) v : 0f;
            sq += (double) y[i] * y[i];
        }
        double sd = Math.sqrt(sq / Math.max(1, n));
        if (sd > 1e-9) for (int i = 0; i < n; i++) y[i] /= (float) sd;
        return y;
    }
}
