package io.producer.engine.score;

import java.util.List;

/** One instrument's notes, with its place in the stereo field and its level in the mix. */
public record Part(String name, PartRole role, Instrument instrument, List<Note> notes, double pan, double gainDb) {
    public Part {
        notes = List.copyOf(notes);
        if (pan < -1 || pan > 1) throw new IllegalArgumentException("pan must be in [-1, 1]");
    }
}
