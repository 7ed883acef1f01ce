package io.producer.engine.score;

/** A time signature. {@code beatsPerBar} counts quarter-note beats (6/8 is 3.0, 7/8 is 3.5). */
public record Meter(int numerator, int denominator) {
    public static final Meter FOUR_FOUR = new Meter(4, 4);

    public Meter {
        if (numerator < 1 || numerator > 32) throw new IllegalArgumentException("meter numerator out of range");
        if (denominator != 2 && denominator != 4 && denominator != 8 && denominator != 16)
            throw new IllegalArgumentException("meter denominator must be 2, 4, 8 or 16");
    }

    public double beatsPerBar() { return numerator * 4.0 / denominator; }

    @Override public String toString() { return numerator + "/" + denominator; }
}
