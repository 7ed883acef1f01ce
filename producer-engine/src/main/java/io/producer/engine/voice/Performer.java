package io.producer.engine.voice;

import java.util.List;

/** One singer of the ensemble: what they sing, how, and where they stand. */
record Performer(int index, List<SungNote> notes, VoiceStyle style, double pan, double gain) {
    Performer {
        notes = List.copyOf(notes);
    }
}
