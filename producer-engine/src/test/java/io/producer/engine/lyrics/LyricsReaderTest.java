package io.producer.engine.lyrics;

import io.producer.engine.SeedExamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LyricsReaderTest {
    private final LyricsReader reader = new LyricsReader();

    @Test
    void allSeedLyricsParse() {
        List<String> all = SeedExamples.lyrics();
        assertTrue(all.size() >= 15, "seed lyrics: " + all.size());
        for (String text : all) {
            Lyrics l = reader.read(text);
            assertFalse(l.isEmpty(), text);
            long expectedWords = text.lines().filter(x -> !x.trim().startsWith("[") && !x.isBlank())
                    .flatMap(x -> java.util.Arrays.stream(x.trim().split("[\\s-]+"))).filter(w -> w.matches(".*[\\p{L}\\p{N}].*")).count();
            assertEquals(expectedWords, l.wordCount(), text);
            for (LyricSection s : l.sections())
                for (LyricLine line : s.lines())
                    for (Word w : line.words())
                        for (Syllable sy : w.syllables()) {
                            assertEquals(1, sy.phonemes().stream().filter(Arpabet::isVowel).count(), w.text() + " " + sy);
                            for (String p : sy.phonemes()) assertTrue(p.matches("[A-Z]{1,2}[012]?"), p);
                        }
        }
    }

    @Test
    void tagsOfAnySpelling() {
        Lyrics l = reader.read("untagged first line\n[Verse 1]\na\n[Chorus - New]\nb\n(Pre-Chorus)\nc\n[Hook]\nd\n[Aria]\ne\n[Intro]\nf\n[Outro]\ng\n[Bridge]\nh\n[Instrumental]\n");
        assertEquals(List.of("verse", "verse", "chorus", "pre_chorus", "hook", "aria", "intro", "outro", "bridge", "instrumental"),
                l.sections().stream().map(LyricSection::kind).toList());
        assertEquals("Chorus - New", l.sections().get(2).label());
        assertTrue(l.sections().get(9).lines().isEmpty());
    }

    @Test
    void pronunciationWithStress() {
        Word ignite = reader.word("ignite");
        assertEquals(2, ignite.syllables().size());
        assertEquals(List.of("IH0", "G"), ignite.syllables().get(0).phonemes());
        assertEquals(List.of("N", "AY1", "T"), ignite.syllables().get(1).phonemes());
        assertEquals(1, ignite.stressIndex());
        assertEquals(List.of("AY1", "M"), reader.word("I'm").syllables().get(0).phonemes());
        Word unknown = reader.word("glorptastic"); // not in cmudict: letter-to-sound rules
        assertTrue(unknown.syllables().size() >= 2);
    }

    @Test
    void numbersContractionsHyphensAndRepeats() {
        LyricLine line = reader.line("24 hours, you're my well-known ignite ignite!");
        assertEquals(List.of("twenty", "four", "hours", "you're", "my", "well", "known", "ignite", "ignite"),
                line.words().stream().map(Word::text).toList());
        assertEquals(line.words().get(7), line.words().get(8));
        assertEquals(List.of("nineteen", "ninety", "nine"), NumberWords.spell("1999"));
        assertEquals(List.of("one", "hundred", "five"), NumberWords.spell("105"));
    }
}
