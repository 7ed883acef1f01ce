package io.producer.engine.score;

/**
 * The weight of the beat at slow tempos. Below about 90 BPM a steady eighth-note motion (arpeggios,
 * hi-hats, strummed or picked patterns) is as loud as the beat it divides, and a listener, like a
 * beat tracker, then counts the eighths: a 73 BPM ballad is heard at 146. Players keep the beat by
 * leaning on it and touching the notes between beats more lightly; this does the same with velocity.
 *
 * <p>Measured on click tracks with aubio's and essentia's trackers: at 66–73 BPM an off-beat at
 * −10 dB of the beat already flips the reading to double, at −14 dB it does not; at 80 BPM −10 dB is
 * still heard right. GM velocity maps to roughly 40·log10(v/127) dB, so 0.45 of the velocity is
 * about −14 dB, 0.6 about −9 dB.
 */
public final class MetricAccent {
    /** Tempo at and above which nothing changes. */
    static final double FREE_BPM = 96;
    /** Tempo at and below which the notes between beats get the full reduction. */
    static final double SLOW_BPM = 76;
    static final double SLOWEST_FACTOR = 0.45;

    private final double offBeatFactor;

    public MetricAccent(double bpm) {
        double t = Math.max(0, Math.min(1, (bpm - SLOW_BPM) / (FREE_BPM - SLOW_BPM)));
        this.offBeatFactor = SLOWEST_FACTOR + (1 - SLOWEST_FACTOR) * t;
    }

    public boolean changesAnything() { return offBeatFactor < 1; }

    /** The velocity of a note that starts at {@code startBeat} (quarter-note beats from the song's start). */
    public int velocity(double startBeat, int velocity) {
        double frac = startBeat - Math.floor(startBeat);
        boolean onBeat = frac < 0.06 || frac > 0.94;
        if (onBeat) return velocity;
        return Math.max(1, (int) Math.round(velocity * offBeatFactor));
    }
}
