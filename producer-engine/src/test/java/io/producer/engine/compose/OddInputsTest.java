package io.producer.engine.compose;

import io.producer.engine.Profile;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.Score;
import io.producer.engine.score.ScoreJson;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Inputs a user may well send: each composes and arranges into a valid, serialisable score. */
class OddInputsTest {
    private Score make(String sound, String lyrics, boolean instrumental) {
        Lyrics l = new LyricsReader().read(lyrics);
        Style s = new StyleReader().read(sound, null, !l.isEmpty(), instrumental, 0.5, 0.9, 0.5, "odd");
        Score score = new Arranger().arrange(new Composer().compose(s, l, "odd", "FUZZ-2.0", null), Profile.DEFAULT);
        assertEquals(score, ScoreJson.read(ScoreJson.write(score)));
        assertTrue(score.durationSeconds() > 5 && score.durationSeconds() < 600, sound + ": " + score.durationSeconds());
        assertFalse(score.parts().isEmpty());
        return score;
    }

    @Test
    void oddButValidRequests() {
        make("", "[Verse]\nOnly lyrics here and nothing else", false);
        make("the and of with", null, true);
        make("techno 300 bpm", null, true);
        make("ambient 20 bpm", null, true);
        make("progressive rock in 13/16", "[Verse]\nCounting is hard\nin thirteen", false);
        make("jazz waltz in 3/4", "[Verse]\nOne two three\nOne two three", false);
        make("pop", "[Verse 1]\n[Chorus]\n[Bridge]", false);
        make("pop", "你好 世界\n¡Hola! ¿Qué tal?\n... --- !!!\n12345 67", false);
        make("metal", "[Verse]\n" + "Run run run run run run run run run run run run run run run run run run run run run run run run run run", false);
        Score rap = make("trap rap", "[Verse]\nYeah", false);
        assertTrue(rap.hasVocal());
    }

    @Test
    void longLyricsMakeALongerSongNotAnError() {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < 12; v++) {
            sb.append("[Verse ").append(v + 1).append("]\n");
            for (int i = 0; i < 4; i++) sb.append("This is line ").append(i + 1).append(" of verse ").append(v + 1).append('\n');
        }
        Score s = make("folk", sb.toString(), false);
        assertEquals(12 * 4 * 7, s.vocal().words().size()); // "This is line N of verse M"
    }
}
