package io.producer.engine.lyrics;

import java.util.List;

/** One line of lyrics: its text as written and its words. */
public record LyricLine(String text, List<Word> words) {
    public LyricLine {
        words = List.copyOf(words);
    }

    public int syllableCount() {
        int n = 0;
        for (Word w : words) n += w.syllables().size();
        return n;
    }
}
