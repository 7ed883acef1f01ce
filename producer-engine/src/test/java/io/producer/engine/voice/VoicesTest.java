package io.producer.engine.voice;

import io.producer.engine.Profile;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.score.Score;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class VoicesTest {
    private static final String LYRICS = "[Chorus]\nBright as day\nGuide my way\n";
    private final Singer singer = new Singer();

    @Test
    void choirSpreadsAcrossTheStereoField() {
        Score score = SketchSong.score(LYRICS, new Voice(Voice.Type.CHOIR, 52, 72, List.of()), 100, 0.5, "choir");
        AudioBuffer a = singer.sing(score, Profile.DEFAULT);
        double diff = 0, sum = 0;
        for (int i = 0; i < a.frames(); i++) {
            diff += Math.abs(a.left()[i] - a.right()[i]);
            sum += Math.abs(a.left()[i]) + Math.abs(a.right()[i]);
        }
        assertTrue(sum > 0 && diff / sum > 0.1, "choir voices stand apart in the stereo field: " + diff / sum);
    }

    @Test
    void leadSitsInTheCentre() {
        AudioBuffer a = singer.sing(SketchSong.score(LYRICS, SketchSong.voice(Voice.Type.MALE), 100, 0.5, "lead"), Profile.DEFAULT);
        for (int i = 0; i < a.frames(); i++) assertTrue(a.left()[i] == a.right()[i]);
    }

    @Test
    void autotuneHoldsThePitchFlatWhereTheNaturalVoiceHasVibrato() {
        Score natural = longNotes(new Voice(Voice.Type.FEMALE, 55, 77, List.of()));
        Score tuned = longNotes(new Voice(Voice.Type.FEMALE, 55, 77, List.of("autotune")));
        double wobbleNatural = pitchSpreadCents(singer.sing(natural, Profile.DEFAULT), natural);
        double wobbleTuned = pitchSpreadCents(singer.sing(tuned, Profile.DEFAULT), tuned);
        assertTrue(wobbleNatural > 8, "natural voice wobbles " + wobbleNatural + " cents");
        assertTrue(wobbleTuned < 4, "autotuned voice wobbles " + wobbleTuned + " cents");
    }

    @Test
    void sopranoVibratoIsWiderThanPop() {
        Score soprano = longNotes(new Voice(Voice.Type.SOPRANO, 60, 81, List.of()));
        Score pop = longNotes(new Voice(Voice.Type.FEMALE, 57, 76, List.of()));
        double s = pitchSpreadCents(singer.sing(soprano, Profile.DEFAULT), soprano);
        double p = pitchSpreadCents(singer.sing(pop, Profile.DEFAULT), pop);
        assertTrue(s > 1.6 * p, "soprano " + s + " cents vs pop " + p);
    }

    @Test
    void vocoderAndRapRenderAudibly() {
        for (Voice v : List.of(new Voice(Voice.Type.MALE, 48, 67, List.of("vocoder")), new Voice(Voice.Type.RAP, 45, 57, List.of()))) {
            Score score = SketchSong.score(LYRICS, v, 100, 0.5, "fx");
            AudioBuffer a = singer.sing(score, Profile.DEFAULT);
            double rms = SingerTest.rms(a.left(), 0, a.frames());
            assertTrue(rms > 0.005 && rms < 0.5, v.type() + " " + v.effects() + " rms " + rms);
        }
    }

    /** Three long notes on "ah", two seconds each, in the middle of the voice's range. */
    private static Score longNotes(Voice voice) {
        Score base = SketchSong.score("[Verse]\nAh ah ah\n", voice, 60, 0.5, "long");
        List<VocalNote> notes = new ArrayList<>();
        int mid = (voice.lowMidi() + voice.highMidi()) / 2;
        for (int i = 0; i < 3; i++) {
            VocalNote n = base.vocal().notes().get(i);
            notes.add(new VocalNote(4 + 3 * i, 2.5, mid + (i == 1 ? 2 : 0), 100, n.syllable(), n.phonemes(), n.wordIndex(), false, true));
        }
        return new Score(base.formatVersion(), base.origin(), base.seed(), base.profile(), base.title(), base.style(), base.bpm(),
                base.meter(), base.key(), base.bars(), base.sections(), base.chords(),
                new VocalPart(voice, base.vocal().words(), notes), base.parts(), base.tailSeconds());
    }

    /** Standard deviation (cents) of the measured pitch around each note over its last 1.2 s. */
    private static double pitchSpreadCents(AudioBuffer a, Score score) {
        double sum = 0;
        int count = 0;
        for (VocalNote n : score.vocal().notes()) {
            double end = score.beatToSeconds(n.endBeat());
            for (double t = end - 1.3; t < end - 0.1; t += 0.02) {
                double hz = PitchProbe.f0(a.left(), a.sampleRate(), (int) (t * a.sampleRate()), 1024);
                if (Double.isNaN(hz)) continue;
                double c = 100 * (PitchProbe.midi(hz) - n.midi());
                sum += c * c;
                count++;
            }
        }
        return Math.sqrt(sum / Math.max(1, count));
    }
}
