package io.producer.engine.voice;

import io.producer.engine.Profile;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.Voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Who sings the vocal part: the lead alone, or a choir of detuned, slightly early and late
 * voices of different sizes, with harmony lines from the chords on choruses.
 */
final class Ensemble {
    private Ensemble() {}

    static List<Performer> performers(Score score, Voice voice, VoiceStyle style, List<SungNote> notes, Profile profile) {
        List<Performer> out = new ArrayList<>();
        out.add(new Performer(0, notes, style, 0, 1.0));
        boolean choir = voice.type() == Voice.Type.CHOIR;
        boolean backing = choir || voice.has("harmonies") || voice.has("backing_choir");
        if (choir) {
            out.add(new Performer(1, detuned(notes, -7, 0.013), style.withFormantScale(style.formantScale() * 0.965), -0.55, 0.7));
            out.add(new Performer(2, detuned(notes, 6, -0.009), style.withFormantScale(style.formantScale() * 1.045), 0.55, 0.7));
            out.add(new Performer(3, detuned(notes, 3, 0.021), style.withFormantScale(style.formantScale() * 1.01), 0.2, 0.55));
        }
        if (backing) {
            List<SungNote> below = harmony(score, notes, false);
            List<SungNote> above = harmony(score, notes, true);
            if (!below.isEmpty()) out.add(new Performer(10, below, style.withLevel(style.level() * 0.8), -0.35, 0.5));
            if (!above.isEmpty() && (choir || profile.layers() > 1))
                out.add(new Performer(11, above, style.withLevel(style.level() * 0.8), 0.35, 0.42));
        }
        return out;
    }

    private static List<SungNote> detuned(List<SungNote> notes, double cents, double seconds) {
        List<SungNote> out = new ArrayList<>(notes.size());
        for (SungNote n : notes) out.add(n.withPitch(n.midi() + cents / 100.0).shifted(seconds));
        return out;
    }

    /** A harmony line on chorus and hook sections: the nearest chord tone a third or more below (or above) the tune. */
    static List<SungNote> harmony(Score score, List<SungNote> notes, boolean above) {
        List<SungNote> out = new ArrayList<>();
        for (SungNote n : notes) {
            double beat = score.secondsToBeat(n.start());
            if (!inChorus(score, beat)) continue;
            Chord chord = chordAt(score, beat);
            if (chord == null) continue;
            int melody = (int) Math.round(n.midi());
            int best = -1;
            for (int d = 3; d <= 9; d++) {
                int m = above ? melody + d : melody - d;
                if (isChordTone(chord, m)) {
                    best = m;
                    break;
                }
            }
            if (best >= 0) out.add(n.withPitch(best));
        }
        return out;
    }

    private static boolean isChordTone(Chord chord, int midi) {
        int pc = Math.floorMod(midi - chord.root(), 12);
        for (int i : chord.intervals()) if (i % 12 == pc) return true;
        return false;
    }

    private static boolean inChorus(Score score, double beat) {
        double bar = beat / score.meter().beatsPerBar();
        for (Section s : score.sections()) {
            if (bar >= s.startBar() && bar < s.endBar())
                return s.kind().equals("chorus") || s.kind().equals("hook");
        }
        return false;
    }

    private static Chord chordAt(Score score, double beat) {
        for (ChordEvent c : score.chords()) if (beat >= c.startBeat() - 1e-6 && beat < c.endBeat()) return c.chord();
        return null;
    }
}
