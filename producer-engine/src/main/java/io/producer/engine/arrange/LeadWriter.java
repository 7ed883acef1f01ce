package io.producer.engine.arrange;

import io.producer.engine.Seeds;
import io.producer.engine.compose.MelodyWriter;
import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.Syllable;
import io.producer.engine.lyrics.Word;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The instrumental melody: phrases of two (or four) bars written by the same {@link MelodyWriter}
 * as the vocal, on a stress pattern instead of words, in the instrument's range. A section kind
 * draws from its own random stream, so a repeated chorus repeats its tune.
 */
final class LeadWriter {
    private final MelodyWriter melody = new MelodyWriter();

    Notes write(List<SectionView> sections, List<ChordEvent> chords, Style style, int lo, int hi, boolean vocalSong,
                long seed) {
        Notes n = new Notes();
        // wordless, so that lyrics_strength never sets an instrument's phrase in a spoken rhythm
        Voice range = new Voice(Voice.Type.FEMALE, lo, hi, List.of("wordless"));
        for (SectionView s : sections) {
            if (!plays(s, vocalSong)) continue;
            double phraseBeats = s.beatsPerBar() * (style.bpm() >= 140 ? 4 : 2);
            int phrases = (int) Math.max(1, Math.floor(s.lengthBeats() / phraseBeats));
            double density = 0.35 + 0.5 * s.energy() + (style.has("virtuosic") ? 0.35 : 0);
            int perPhrase = (int) Math.max(3, Math.round(phraseBeats * density * (style.bpm() >= 140 ? 0.5 : 1.0)));
            for (int p = 0; p < phrases; p++) {
                if (s.kind().equals("outro") && p >= Math.max(1, phrases / 2)) break;
                SplittableRandom pr = Seeds.stream(seed, "lead:" + s.kind(), p % 4);
                LyricLine line = pattern(perPhrase + (p % 2 == 1 ? -1 : 0), pr);
                double start = s.startBeat() + p * phraseBeats;
                List<MelodyWriter.Sung> sung = melody.line(line, start, phraseBeats, s.kind(), p, p == phrases - 1,
                        s.energy(), s.section().key(), chords, style, range, pr);
                for (MelodyWriter.Sung x : sung) n.add(x.start(), x.duration() * 0.95, x.midi(), Math.max(40, x.velocity() - 8));
            }
        }
        return n;
    }

    private static boolean plays(SectionView s, boolean vocalSong) {
        if (!vocalSong) return !s.kind().equals("build") || s.energy() > 0.6;
        return switch (s.kind()) {
            case "intro", "solo", "instrumental", "outro" -> true;
            default -> false;
        };
    }

    /** A phrase of {@code n} notes with a musical stress pattern (strong-weak, with a held end). */
    private static LyricLine pattern(int n, SplittableRandom rnd) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < Math.max(2, n); i++) {
            boolean stressed = i % 2 == 0 ? rnd.nextDouble() < 0.8 : rnd.nextDouble() < 0.2;
            words.add(new Word("la", List.of(new Syllable("la", List.of("L", stressed ? "AA1" : "AA0"), stressed ? 1 : 0))));
        }
        return new LyricLine("", words);
    }
}
