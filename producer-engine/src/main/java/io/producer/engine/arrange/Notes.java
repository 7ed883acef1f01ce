package io.producer.engine.arrange;

import io.producer.engine.score.Note;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A growing list of notes with range-safe adds (velocity clamped, zero-length notes skipped). */
final class Notes {
    private final List<Note> notes = new ArrayList<>();

    void add(double start, double duration, int midi, int velocity) {
        if (duration <= 1e-6 || midi < 0 || midi > 127) return;
        notes.add(new Note(start, duration, midi, Math.max(1, Math.min(127, velocity))));
    }

    boolean isEmpty() { return notes.isEmpty(); }

    List<Note> sorted() {
        List<Note> out = new ArrayList<>(notes);
        out.sort(Comparator.comparingDouble(Note::startBeat).thenComparingInt(Note::midi));
        return out;
    }
}
