package io.producer.engine.score;

/** One note of a part. Times are in beats from the start of the song (quarter-note beats). */
public record Note(double startBeat, double durationBeats, int midi, int velocity) {
    public Note {
        if (durationBeats <= 0) throw new IllegalArgumentException("note duration must be positive");
        if (midi < 0 || midi > 127) throw new IllegalArgumentException("midi out of range: " + midi);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity out of range: " + velocity);
    }

    public double endBeat() { return startBeat + durationBeats; }
}
