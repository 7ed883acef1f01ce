package io.producer.engine.lyrics;

import java.util.List;

/** Parsed lyrics: the sections in the order they are sung. */
public record Lyrics(List<LyricSection> sections) {
    public static final Lyrics NONE = new Lyrics(List.of());

    public Lyrics {
        sections = List.copyOf(sections);
    }

    public boolean isEmpty() {
        for (LyricSection s : sections) if (!s.lines().isEmpty()) return false;
        return true;
    }

    public int wordCount() {
        int n = 0;
        for (LyricSection s : sections) for (LyricLine l : s.lines()) n += l.words().size();
        return n;
    }
}
