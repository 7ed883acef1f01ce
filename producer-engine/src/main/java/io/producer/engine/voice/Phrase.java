package io.producer.engine.voice;

import java.util.List;

/**
 * A breath-to-breath stretch of singing, rendered on its own so that changing one phrase never
 * changes the samples of another. The phones tile [{@code start}, {@code end}) and begin and end
 * with silence. {@code pitch} (fractional MIDI) and {@code gain} (linear) are control curves at
 * {@link #CONTROL_RATE} from {@code start}.
 */
record Phrase(double start, double end, List<SungPhone> phones, float[] pitch, float[] gain,
              double breathiness, long noiseSeed) {
    static final double CONTROL_RATE = 200;

    Phrase {
        phones = List.copyOf(phones);
    }

    static double curve(float[] c, double seconds) {
        double x = seconds * CONTROL_RATE;
        if (x <= 0) return c[0];
        int i = (int) x;
        if (i >= c.length - 1) return c[c.length - 1];
        double f = x - i;
        return c[i] + (c[i + 1] - c[i]) * f;
    }

    /** The pitch curve {@code c} in Hz at {@code seconds} from the phrase's start. */
    static double hz(float[] c, double seconds) {
        return 440.0 * Math.pow(2, (curve(c, seconds) - 69) / 12.0);
    }
}
