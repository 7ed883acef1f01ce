package io.producer.engine.score;

import java.util.List;

/** The lead vocal: the voice, the words in order and the notes that carry their syllables. */
public record VocalPart(Voice voice, List<LyricWord> words, List<VocalNote> notes) {
    public VocalPart {
        words = List.copyOf(words);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() { return notes.isEmpty(); }
}
