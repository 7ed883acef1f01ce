package io.producer.engine.voice;

/**
 * The short-term level of a rendered voice, as an energy track shows it: the mean power of a 20 ms
 * window centred on a time, in dB, looked at every {@link #STEP} seconds.
 */
final class Loudness {
    static final double WINDOW = 0.02;
    static final double STEP = 0.0025;

    private final float[] samples;
    private final int rate;
    private final int half;

    Loudness(float[] samples, int rate) {
        this.samples = samples;
        this.rate = rate;
        this.half = (int) Math.round(WINDOW * rate / 2);
    }

    /** Level in dB (full scale 0) of the window centred on {@code t}; silence and outside the audio give -120. */
    double db(double t) {
        int c = (int) Math.round(t * rate);
        int a = Math.max(0, c - half), b = Math.min(samples.length, c + half);
        if (b <= a) return -120;
        double sum = 0;
        for (int i = a; i < b; i++) sum += (double) samples[i] * samples[i];
        return 10 * Math.log10(sum / (2 * half) + 1e-12);
    }

    /** The loudest level of windows centred in [from, to]. */
    double peakDb(double from, double to) {
        double best = db(from);
        for (double t = from + STEP; t <= to + 1e-9; t += STEP) best = Math.max(best, db(t));
        return best;
    }

    /**
     * Where the sound leading into {@code to} became at least {@code level} loud: going back from
     * {@code to}, the first window that is quieter, one step later. {@code to} when the sound there is
     * quieter itself; {@code from} when it is loud all the way back to {@code from}. Going back, not
     * forth, so that a consonant that carries on the loudness of the vowel before it and then dips ("the
     * moment") is heard where the sound rises again, as an energy track shows it.
     */
    double riseBefore(double level, double from, double to) {
        if (db(to) < level) return to;
        for (double t = to - STEP; t >= from + WINDOW / 2; t -= STEP) if (db(t) < level) return t + STEP;
        return from;
    }
}
