package io.producer.engine.edit;

import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.LyricSection;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;

import java.util.ArrayList;
import java.util.List;

/** The lyrics a score sings, read back from its vocal part (for covers and variations without new lyrics). */
public final class SourceLyrics {
    private SourceLyrics() {}

    public static Lyrics of(Score score, LyricsReader reader) {
        if (!score.hasVocal() || score.vocal().voice().has("wordless")) return Lyrics.NONE;
        List<LyricSection> sections = new ArrayList<>();
        List<LyricWord> words = score.vocal().words();
        int i = 0;
        while (i < words.size()) {
            int sec = words.get(i).sectionIndex();
            List<LyricLine> lines = new ArrayList<>();
            while (i < words.size() && words.get(i).sectionIndex() == sec) {
                int line = words.get(i).lineIndex();
                StringBuilder sb = new StringBuilder();
                while (i < words.size() && words.get(i).sectionIndex() == sec && words.get(i).lineIndex() == line) {
                    if (!sb.isEmpty()) sb.append(' ');
                    sb.append(words.get(i).text());
                    i++;
                }
                lines.add(reader.line(sb.toString()));
            }
            Section s = sec >= 0 && sec < score.sections().size() ? score.sections().get(sec) : null;
            sections.add(new LyricSection(s == null ? "verse" : s.kind(), s == null ? "Verse" : s.label(), lines));
        }
        return new Lyrics(sections);
    }
}
