package io.producer.engine.audio;

import java.util.SplittableRandom;

/** Synthetic test signals with known content. */
final class TestSignals {
    private TestSignals() {}

    /** A sine with 20 ms raised-cosine fades, so that no edge adds inter-sample overshoot of its own. */
    static AudioBuffer sine(int rate, double seconds, double hz, double amp, double phase) {
        int n = (int) Math.round(seconds * rate);
        int fade = Math.min(n / 2, rate / 50);
        float[] l = new float[n], r = new float[n];
        for (int i = 0; i < n; i++) {
            int edge = Math.min(i, n - 1 - i);
            double g = edge >= fade ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / fade);
            l[i] = r[i] = (float) (g * amp * Math.sin(2 * Math.PI * hz * i / rate + phase));
        }
        return new AudioBuffer(rate, l, r);
    }

    /** Pink-ish noise (Kellet's economy filter), independent per channel, at roughly {@code amp} RMS. */
    static AudioBuffer pinkNoise(int rate, double seconds, double amp, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[] l = new float[n], r = new float[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (float[] x : new float[][]{l, r}) {
            double b0 = 0, b1 = 0, b2 = 0;
            for (int i = 0; i < n; i++) {
                double w = rnd.nextDouble() * 2 - 1;
                b0 = 0.99765 * b0 + w * 0.0990460;
                b1 = 0.96300 * b1 + w * 0.2965164;
                b2 = 0.57000 * b2 + w * 1.0526913;
                x[i] = (float) (amp * (b0 + b1 + b2 + w * 0.1848) / 3.0);
            }
        }
        return new AudioBuffer(rate, l, r);
    }

    /**
     * A song-like signal: a chord of decaying harmonic tones every half second, a kick-like thump and
     * a noise snare, with quiet passages so that gating matters.
     */
    static AudioBuffer songLike(int rate, double seconds) {
        int n = (int) Math.round(seconds * rate);
        float[] l = new float[n], r = new float[n];
        SplittableRandom rnd = new SplittableRandom(7);
        double[] chord = {220, 277.18, 329.63, 440};
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double beat = t % 0.5;
            double bar = Math.floor(t / 2);
            double level = (bar % 4 == 3) ? 0.05 : 1.0;           // a quiet bar every four
            double tone = 0;
            for (int k = 0; k < chord.length; k++) {
                double f = chord[k] * (bar % 2 == 0 ? 1 : 1.122);
                tone += Math.sin(2 * Math.PI * f * t) * 0.12 + Math.sin(4 * Math.PI * f * t) * 0.04;
            }
            tone *= Math.exp(-beat * 3);
            double kick = Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-beat * 30)) * beat) * Math.exp(-beat * 12) * 0.5;
            double snare = ((t % 1.0) > 0.5 ? (rnd.nextDouble() * 2 - 1) * Math.exp(-(beat) * 25) * 0.25 : 0);
            l[i] = (float) (level * (tone * 0.8 + kick + snare));
            r[i] = (float) (level * (tone * 1.1 + kick + snare * 0.6));
        }
        return new AudioBuffer(rate, l, r);
    }
}
