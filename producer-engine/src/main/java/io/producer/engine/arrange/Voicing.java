package io.producer.engine.arrange;

import io.producer.engine.score.Chord;

import java.util.ArrayList;
import java.util.List;

/** Chord voicings: which MIDI notes play a chord in a register. */
public final class Voicing {
    private Voicing() {}

    /** {@code count} chord tones in close position, the lowest at or just above {@code bottom}. */
    public static List<Integer> close(Chord c, int bottom, int count) {
        int[] iv = c.intervals();
        List<Integer> out = new ArrayList<>();
        int start = bottom + Math.floorMod(c.root() - bottom, 12);
        if (start - bottom > 7) start -= 12;
        if (start < bottom - 2) start += 12;
        int octave = 0;
        int i = 0;
        while (out.size() < count) {
            int m = start + iv[i] % 12 + 12 * (octave + iv[i] / 12);
            out.add(m);
            i++;
            if (i == iv.length) {
                i = 0;
                octave++;
            }
        }
        return out;
    }

    /** The chord tones nearest to the previous voicing's centre: smooth voice leading for pads and comping. */
    public static List<Integer> near(Chord c, int center, int count) {
        List<Integer> best = null;
        double bestDist = Double.MAX_VALUE;
        for (int b = center - 12; b <= center; b++) {
            List<Integer> v = close(c, b, count);
            double mean = 0;
            for (int m : v) mean += m;
            mean /= v.size();
            double d = Math.abs(mean - center);
            if (d < bestDist - 1e-9) {
                bestDist = d;
                best = v;
            }
        }
        return best;
    }

    /** The bass note of a chord in the octave starting at {@code low}. */
    public static int root(Chord c, int low) {
        return low + Math.floorMod(c.root() - low, 12);
    }

    public static int fifth(Chord c, int low) {
        int[] iv = c.intervals();
        int fifth = iv.length > 2 ? iv[2] : 7;
        int m = root(c, low) + fifth;
        return m >= low + 12 ? m - 12 : m;
    }

    public static int third(Chord c, int low) {
        int m = root(c, low) + c.intervals()[1];
        return m >= low + 12 ? m - 12 : m;
    }
}
