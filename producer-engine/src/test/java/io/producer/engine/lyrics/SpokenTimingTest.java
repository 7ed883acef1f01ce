package io.producer.engine.lyrics;

import io.producer.engine.SeedExamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpokenTimingTest {
    private final LyricsReader reader = new LyricsReader();

    private LyricLine line(String text) {
        return reader.read(text).sections().get(0).lines().get(0);
    }

    @Test
    void aSpokenLineHasItsSyllablesInOrderWithTheirPitchedStretchInside() {
        LyricLine l = line("Stars they shine above me");
        SpokenTiming.Line s = SpokenTiming.of(l);
        assertNotNull(s);
        assertEquals(l.syllableCount(), s.size());
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.ends()[i] > s.vowelOnsets()[i], "syllable " + i + " ends after its vowel starts");
            assertTrue(s.pitchedStarts()[i] <= s.vowelOnsets()[i] + 1e-9 && s.pitchedEnds()[i] <= s.ends()[i] + 1e-9);
            assertTrue(s.pitchedEnds()[i] > s.vowelOnsets()[i], "the vowel carries pitch");
            if (i > 0) assertTrue(s.vowelOnsets()[i] >= s.ends()[i - 1] - 1e-9, "syllables follow each other");
        }
        // "stars" opens with the obstruents s t: its pitch begins after them, at the vowel
        assertEquals(s.vowelOnsets()[0], s.pitchedStarts()[0], 1e-9);
        // and ends with "r z": the pitch ends after the sonorant r, before the z
        assertTrue(s.pitchedEnds()[0] < s.ends()[0]);
    }

    @Test
    void stressedSyllablesAreSpokenLongerThanReducedOnes() {
        // "a-BOVE": the reduced first syllable is shorter than the stressed second
        LyricLine l = line("above");
        SpokenTiming.Line s = SpokenTiming.of(l);
        assertNotNull(s);
        double first = s.ends()[0] - s.vowelOnsets()[0], second = s.ends()[1] - s.vowelOnsets()[1];
        assertTrue(second > 1.5 * first, "above: " + first + " vs " + second);
    }

    @Test
    void theSameLineIsTimedTheSameEveryTime() {
        LyricLine l = line("Midnight winds are calling, carrying a tune");
        SpokenTiming.Line a = SpokenTiming.of(l), b = SpokenTiming.of(l);
        assertArrayEquals(a.vowelOnsets(), b.vowelOnsets());
        assertArrayEquals(a.pitchedEnds(), b.pitchedEnds());
    }

    @Test
    void nearlyEverySeedLineIsReadWordForWord() {
        int lines = 0;
        List<String> missed = new ArrayList<>();
        for (String text : SeedExamples.lyrics())
            for (LyricSection section : reader.read(text).sections())
                for (LyricLine l : section.lines()) {
                    lines++;
                    SpokenTiming.Line s = SpokenTiming.of(l);
                    if (s == null || s.size() != l.syllableCount()) missed.add(l.text());
                }
        assertTrue(lines > 100, "seed lines: " + lines);
        assertTrue(missed.size() <= lines / 50, missed.size() + " of " + lines + " lines not timed: " + missed);
    }
}
