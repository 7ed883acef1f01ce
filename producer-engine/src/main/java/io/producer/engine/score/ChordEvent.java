package io.producer.engine.score;

/** A chord held from {@code startBeat} for {@code durationBeats}. */
public record ChordEvent(double startBeat, double durationBeats, Chord chord) {
    public double endBeat() { return startBeat + durationBeats; }
}
