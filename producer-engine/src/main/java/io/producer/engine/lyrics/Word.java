package io.producer.engine.lyrics;

import java.util.List;

/** A word of the lyrics as it is sung (numbers already spelled out), split into syllables. */
public record Word(String text, List<Syllable> syllables) {
    public Word {
        syllables = List.copyOf(syllables);
        if (syllables.isEmpty()) throw new IllegalArgumentException("a word has at least one syllable: " + text);
    }

    /** Index of the syllable with primary stress (the first one when none is marked). */
    public int stressIndex() {
        for (int i = 0; i < syllables.size(); i++) if (syllables.get(i).stress() == 1) return i;
        return 0;
    }
}
