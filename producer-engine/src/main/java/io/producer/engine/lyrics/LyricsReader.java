package io.producer.engine.lyrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lyrics text to sections, lines, words and syllables. Tags in square or round brackets of any
 * spelling ("[Verse 1]", "[Chorus - New]", "(Pre-Chorus)", "[Hook]", "[Aria]") start sections; text
 * before the first tag is a verse. Numbers are spelled out, hyphenated words are sung as their
 * parts, apostrophes inside words are kept (contractions are dictionary words), other punctuation
 * is dropped. Thread-safe.
 */
public final class LyricsReader {
    private static final Pattern TAG = Pattern.compile("^\\s*[\\[(]\\s*([^\\])]*?)\\s*[\\])]\\s*$");
    private final Pronouncer pronouncer = new Pronouncer();

    public Lyrics read(String text) {
        if (text == null || text.isBlank()) return Lyrics.NONE;
        List<LyricSection> sections = new ArrayList<>();
        String kind = "verse", label = "Verse";
        List<LyricLine> lines = new ArrayList<>();
        boolean tagged = false;
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = TAG.matcher(raw);
            if (m.matches()) {
                if (!lines.isEmpty() || tagged) sections.add(new LyricSection(kind, label, lines));
                label = m.group(1).isBlank() ? "Verse" : m.group(1).trim();
                kind = kindOf(label);
                lines = new ArrayList<>();
                tagged = true;
                continue;
            }
            String line = raw.trim();
            if (line.isEmpty()) continue;
            LyricLine parsed = line(line);
            if (!parsed.words().isEmpty()) lines.add(parsed);
        }
        if (!lines.isEmpty() || tagged) sections.add(new LyricSection(kind, label, lines));
        return new Lyrics(sections);
    }

    /** The normalised section kind for a tag as written. */
    public static String kindOf(String label) {
        String l = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
        if (l.startsWith("pre chorus") || l.startsWith("prechorus") || l.startsWith("pre hook") || l.startsWith("build")) return "pre_chorus";
        if (l.startsWith("post chorus")) return "chorus";
        if (l.startsWith("chorus") || l.startsWith("refrain")) return "chorus";
        if (l.startsWith("hook")) return "hook";
        if (l.startsWith("verse") || l.startsWith("rap") || l.startsWith("spoken")) return "verse";
        if (l.startsWith("bridge") || l.startsWith("middle")) return "bridge";
        if (l.startsWith("intro")) return "intro";
        if (l.startsWith("outro") || l.startsWith("coda") || l.startsWith("ending") || l.startsWith("end")) return "outro";
        if (l.startsWith("instrumental") || l.startsWith("interlude")) return "instrumental";
        if (l.startsWith("solo") || l.contains("solo")) return "solo";
        if (l.startsWith("aria") || l.startsWith("recitative")) return "aria";
        if (l.startsWith("breakdown")) return "breakdown";
        if (l.startsWith("drop")) return "drop";
        if (l.contains("chorus")) return "chorus";
        return "verse";
    }

    public LyricLine line(String text) {
        List<Word> words = new ArrayList<>();
        String cleaned = text.replace('’', '\'').replace('‘', '\'').replace('—', ' ').replace('–', ' ');
        for (String token : cleaned.split("\\s+")) {
            for (String part : token.split("-")) {
                String w = part.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                w = w.replaceAll("[^\\p{L}\\p{N}']", "");
                if (w.isEmpty()) continue;
                if (Character.isDigit(w.charAt(0))) {
                    for (String s : NumberWords.spell(w.replaceAll("[^0-9a-z]", ""))) words.add(word(s));
                } else words.add(word(w));
            }
        }
        return new LyricLine(text, words);
    }

    public Word word(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "");
        if (key.replace("'", "").isEmpty()) key = "ah";
        return new Word(text, pronouncer.syllables(key));
    }
}
