package io.producer.engine.score;

import io.producer.engine.Profile;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class ScoreJsonTest {
    @Test
    void aFullScoreRoundTripsExactly() {
        var lyrics = new LyricsReader().read("[Verse]\nWalking through the city lights\nFeeling like I own the night\n\n[Chorus]\nWe are unstoppable tonight");
        Style style = new StyleReader().read("Energetic pop rock with electric guitar and drums", "Unstoppable", true, false, 0.5, 0.5, 0.5, "rt");
        Score s = new Arranger().arrange(new Composer().compose(style, lyrics, "rt", "Lyria 3 preview", "Unstoppable"), Profile.LYRIA_3_PREVIEW);
        assertFalse(s.parts().isEmpty());
        assertTrue(s.hasVocal());
        byte[] json = ScoreJson.write(s);
        Score back = ScoreJson.read(json);
        assertEquals(s, back);
        assertArrayEquals(json, ScoreJson.write(back));
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("\"empty\""), "derived accessors are not written");
    }

    @Test
    void garbageIsRejectedWithAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScoreJson.read("{\"bpm\": \"x\"".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("score JSON"));
    }
}
