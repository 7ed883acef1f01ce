package io.producer.engine.voice;

import java.util.List;

/**
 * A channel vocoder: the sung voice only shapes, band by band, a bright synthetic carrier playing
 * the same notes (a saw and its octave below). The voice's own hiss above 5 kHz passes through, so
 * the consonants stay readable.
 */
final class Vocoder {
    private Vocoder() {}

    private static final int BANDS = 16;

    static void apply(float[] voice, int rate, List<SungNote> notes) {
        int n = voice.length;
        double[][] mod = new double[BANDS][5];
        double[][] car = new double[BANDS][5];
        double[][] coef = new double[BANDS][];
        for (int b = 0; b < BANDS; b++) {
            double f = 160 * Math.pow(7000.0 / 160, b / (BANDS - 1.0));
            coef[b] = bandpass(f, 6.0, rate);
        }
        double[] hp = highpass(5000, rate);
        double[] hpState = new double[4];
        double[] env = new double[BANDS];
        double envCoef = 1 - Math.exp(-1 / (0.008 * rate));
        double phase1 = 0, phase2 = 0;
        int ni = 0;
        double hz = notes.isEmpty() ? 220 : hzOf(notes.get(0).midi());
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            while (ni < notes.size() && notes.get(ni).start() - 0.05 <= t) {
                hz = hzOf(notes.get(ni).midi());
                ni++;
            }
            double dt1 = hz / rate, dt2 = hz / 2 / rate;
            double carrier = saw(phase1, dt1) + 0.6 * saw(phase2, dt2);
            phase1 += dt1;
            if (phase1 >= 1) phase1 -= 1;
            phase2 += dt2;
            if (phase2 >= 1) phase2 -= 1;
            double x = voice[i];
            double y = 0;
            for (int b = 0; b < BANDS; b++) {
                double m = biquad(coef[b], mod[b], x);
                env[b] += (Math.abs(m) - env[b]) * envCoef;
                y += biquad(coef[b], car[b], carrier) * env[b];
            }
            y = y * 3 + 0.5 * biquad(hp, hpState, x);
            voice[i] = (float) y;
        }
    }

    private static double hzOf(double midi) { return 440 * Math.pow(2, (midi - 69) / 12); }

    /** Naive saw with a polyBLEP correction at the wrap, so high notes do not alias into hash. */
    private static double saw(double phase, double dt) {
        double v = 2 * phase - 1;
        if (phase < dt) {
            double x = phase / dt;
            v -= x + x - x * x - 1;
        } else if (phase > 1 - dt) {
            double x = (phase - 1) / dt;
            v -= x * x + x + x + 1;
        }
        return v;
    }

    private static double[] bandpass(double f, double q, int rate) {
        double w = 2 * Math.PI * f / rate;
        double alpha = Math.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        return new double[]{alpha / a0, 0, -alpha / a0, -2 * Math.cos(w) / a0, (1 - alpha) / a0};
    }

    private static double[] highpass(double f, int rate) {
        double w = 2 * Math.PI * f / rate;
        double alpha = Math.sin(w) / (2 * 0.707);
        double c = Math.cos(w);
        double a0 = 1 + alpha;
        return new double[]{(1 + c) / 2 / a0, -(1 + c) / a0, (1 + c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0};
    }

    /** Direct form I; state = {x1, x2, y1, y2}. */
    static double biquad(double[] c, double[] s, double x) {
        double y = c[0] * x + c[1] * s[0] + c[2] * s[1] - c[3] * s[2] - c[4] * s[3];
        s[1] = s[0];
        s[0] = x;
        s[3] = s[2];
        s[2] = y;
        return y;
    }
}
