package io.producer.engine.analyze;

/**
 * Pitch-class features from a long-window STFT (372 ms, 2.7 Hz bins, so neighbouring semitones
 * separate down to the bass): each bin's amplitude goes to its nearest semitone weighted by how
 * close it lies (bins half-way between two semitones count for nothing), semitone amplitudes are
 * log-compressed (so one loud note does not hide the chord) and folded into 12 pitch classes.
 * Two chromas per frame: the full range (C2–B6) for key and chords, and the bass range (C2–G3)
 * for chord roots and bar starts. Band levels describe the timbre for section finding.
 */
final class Chromagram {
    static final int FFT = 4096;
    static final int HOP = 1024;
    static final double RATE = (double) AnalysisSignal.RATE / HOP;
    static final int BANDS = 4;
    private static final int LOW_MIDI = 36, HIGH_MIDI = 95, BASS_HIGH_MIDI = 55;
    private static final double[] BAND_EDGES_HZ = {0, 200, 800, 2500, 6000};
    private static final float COMPRESSION = 100f;

    /** [frame][pitch class], log-compressed, not normalised. */
    final float[][] chroma;
    final float[][] bass;
    /** [frame][band] in dB. */
    final float[][] bands;
    /** Frame energy (sum of squared amplitudes). */
    final float[] energy;

    private Chromagram(float[][] chroma, float[][] bass, float[][] bands, float[] energy) {
        this.chroma = chroma;
        this.bass = bass;
        this.bands = bands;
        this.energy = energy;
    }

    int frames() { return chroma.length; }

    static double frameSeconds(int frame) { return frame / RATE; }

    static Chromagram of(AnalysisSignal signal) {
        Stft stft = new Stft(FFT, HOP);
        int frames = stft.frames(signal.samples.length);
        int bins = FFT / 2 + 1;
        int[] semitone = new int[bins];
        float[] weight = new float[bins];
        int[] band = new int[bins];
        for (int k = 0; k < bins; k++) {
            double hz = stft.binHz(k, AnalysisSignal.RATE);
            int b = 0;
            while (b < BANDS - 1 && hz >= BAND_EDGES_HZ[b + 1]) b++;
            band[k] = b;
            semitone[k] = -1;
            if (k == 0) continue;
            double midi = 69 + 12 * Math.log(hz / 440.0) / Math.log(2);
            int m = (int) Math.round(midi);
            if (m < LOW_MIDI || m > HIGH_MIDI) continue;
            double c = Math.cos(Math.PI * (midi - m));
            semitone[k] = m;
            weight[k] = (float) (c * c);
        }
        float[][] chroma = new float[frames][12], bass = new float[frames][12], bands = new float[frames][BANDS];
        float[] energy = new float[frames];
        float[] semis = new float[HIGH_MIDI + 1];
        double[] bandEnergy = new double[BANDS];
        stft.run(signal.samples, (j, amp) -> {
            java.util.Arrays.fill(semis, 0f);
            java.util.Arrays.fill(bandEnergy, 0);
            double e = 0;
            for (int k = 1; k < bins; k++) {
                double p = (double) amp[k] * amp[k];
                e += p;
                bandEnergy[band[k]] += p;
                if (semitone[k] >= 0) semis[semitone[k]] += (float) (weight[k] * p);
            }
            energy[j] = (float) e;
            for (int b = 0; b < BANDS; b++) bands[j][b] = (float) (10 * Math.log10(bandEnergy[b] + 1e-10));
            for (int m = LOW_MIDI; m <= HIGH_MIDI; m++) {
                float v = (float) Math.log1p(COMPRESSION * Math.sqrt(semis[m]));
                chroma[j][m % 12] += v;
                if (m <= BASS_HIGH_MIDI) bass[j][m % 12] += v;
            }
        });
        return new Chromagram(chroma, bass, bands, energy);
    }
}
