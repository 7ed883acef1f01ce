package io.producer.engine.voice;

import io.producer.engine.audio.AudioBuffer;

import java.util.List;
import java.util.SplittableRandom;

/** The singer breathes in before a new line: a short band-limited hiss in the rest before it. */
final class Breaths {
    private Breaths() {}

    static void add(List<SungNote> notes, VoiceStyle style, AudioBuffer out, long seed) {
        if (style.vocoder()) return;
        int rate = out.sampleRate();
        float[] l = out.left(), r = out.right();
        double level = 0.007 * (0.6 + 2.5 * style.breathiness());
        for (int i = 1; i < notes.size(); i++) {
            SungNote prev = notes.get(i - 1), next = notes.get(i);
            double gap = next.start() - prev.end();
            boolean newLine = next.line() != prev.line();
            if (gap < 0.45 || (!newLine && gap < 0.9)) continue;
            double len = Math.min(0.38, gap * 0.45);
            double end = next.start() - 0.16;
            double start = end - len;
            if (start < prev.end() + 0.12) continue;
            SplittableRandom rnd = new SplittableRandom(seed ^ Double.doubleToLongBits(next.start()));
            int s0 = (int) Math.round(start * rate), s1 = Math.min(l.length, (int) Math.round(end * rate));
            double[] bp = bandpass(1300, 0.8, rate);
            double[] state = new double[4];
            for (int s = Math.max(0, s0); s < s1; s++) {
                double x = (double) (s - s0) / Math.max(1, s1 - s0);
                double envelope = Math.sin(Math.PI * Math.pow(x, 0.7));
                double v = Vocoder.biquad(bp, state, rnd.nextDouble() * 2 - 1) * envelope * envelope * level;
                l[s] += (float) v;
                r[s] += (float) v;
            }
        }
    }

    private static double[] bandpass(double f, double q, int rate) {
        double w = 2 * Math.PI * f / rate;
        double alpha = Math.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        return new double[]{alpha / a0, 0, -alpha / a0, -2 * Math.cos(w) / a0, (1 - alpha) / a0};
    }
}
