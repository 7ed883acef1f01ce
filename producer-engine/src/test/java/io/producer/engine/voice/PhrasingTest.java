package io.producer.engine.voice;

import io.producer.engine.score.Voice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhrasingTest {
    private static final VoiceStyle FEMALE = VoiceStyle.of(SketchSong.voice(Voice.Type.FEMALE), 0.9);

    private static List<SungPhone> sing(double seconds) {
        SungNote night = new SungNote(1.0, 1.0 + seconds, 67, 90, List.of("n", "ay", "t"), false, true, 0, 0);
        List<Phrase> phrases = Phrasing.plan(List.of(night), FEMALE, 7);
        assertEquals(1, phrases.size());
        return phrases.get(0).phones().stream().filter(p -> !p.phone().equals(Phone.PAU)).toList();
    }

    @Test
    void aLongAyIsHeldOnItsOpenVowelAndClosesAtTheEnd() {
        List<SungPhone> phones = sing(1.2);
        assertEquals(List.of("n", "aa", "ih", "t"), phones.stream().map(SungPhone::phone).toList());
        SungPhone open = phones.get(1), close = phones.get(2);
        assertEquals(1.0, open.start(), 1e-9, "the vowel starts on the beat");
        assertEquals(open.end(), close.start(), 1e-9);
        assertEquals(0.12, close.end() - close.start(), 1e-9, "the closing glide is short however long the note");
    }

    @Test
    void anAyNoLongerThanSpokenKeepsItsRecordedGlide() {
        List<SungPhone> phones = sing(0.14);
        assertEquals(List.of("n", "ay", "t"), phones.stream().map(SungPhone::phone).toList());
    }
}
