package io.producer.engine.style;

import io.producer.engine.SeedExamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    @Test
    void everyContentWordOfEverySeedSoundIsUsedOrDeliberatelyIgnored() {
        List<String> sounds = SeedExamples.sounds();
        assertTrue(sounds.size() >= 25, "seed sounds found: " + sounds.size());
        TreeSet<String> unknown = new TreeSet<>(), used = new TreeSet<>(), ignored = new TreeSet<>();
        for (String s : sounds) {
            for (Vocabulary.Match m : Vocabulary.match(Vocabulary.tokens(s))) {
                if (!m.known()) unknown.add(m.phrase() + "  (in: " + s + ")");
                else if (m.ignored()) ignored.add(m.phrase());
                else used.add(m.phrase());
            }
        }
        System.out.println("used: " + used);
        System.out.println("ignored: " + ignored);
        assertEquals(List.of(), new ArrayList<>(unknown), "content words with no meaning and not on the ignore list");
    }

    @Test
    void everyVocabularyTagNamesSomethingTheReaderKnows() {
        for (var e : Vocabulary.ENTRIES.entrySet()) {
            for (String tag : e.getValue()) {
                String[] p = tag.split(":");
                if (p[0].equals("genre")) GenreCatalogue.get(p[1]); // throws when the genre does not exist
                assertTrue(List.of("genre", "inst", "cue", "mood", "tempo", "energy", "voice", "fx", "mode").contains(p[0]), tag);
            }
        }
    }

    @Test
    void ignoredWordsAreNotAlsoVocabulary() {
        for (String w : Vocabulary.IGNORED) assertTrue(!Vocabulary.ENTRIES.containsKey(w), w + " is both ignored and known");
    }
}
