package io.producer.engine.compose;

import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.style.Genre;
import io.producer.engine.style.GenreCatalogue;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chords for the form. The song uses one progression family of its genre that fits the mode; each
 * section kind takes its cycle of that family, one chord per bar (two bars per chord at fast
 * tempos and in ambient music). Cadences: the bar before a chorus turns to the dominant, the song
 * ends on the tonic. {@code weirdness} lets a family from the second genre in and adds borrowed
 * chords.
 */
public final class Harmonizer {

    public ChordProgression chooseFamily(Style style, SplittableRandom rnd) {
        boolean minor = style.key().mode().minorish();
        List<String> candidates = new ArrayList<>();
        for (Style.GenreWeight gw : style.genres()) {
            Genre g = GenreCatalogue.get(gw.genre());
            for (String f : g.progressions()) {
                if (ChordProgression.family(f).minor() == minor && !candidates.contains(f)) candidates.add(f);
            }
            if (!candidates.isEmpty() && rnd.nextDouble() > style.weirdness()) break;
        }
        if (candidates.isEmpty()) candidates.add(minor ? "aeolian_pop" : "axis");
        if (style.has("complex_harmony") && !minor && candidates.contains("jazz_251")) return ChordProgression.family("jazz_251");
        return ChordProgression.family(candidates.get(rnd.nextInt(candidates.size())));
    }

    /** Beats each chord lasts. */
    public static double harmonicRhythm(Style style) {
        double bpb = style.meter().beatsPerBar();
        String g = style.mainGenre();
        if (style.bpm() >= 150 || g.equals("ambient") || g.equals("techno")) return bpb * 2;
        return bpb;
    }

    public List<ChordEvent> chords(List<FormPlanner.Planned> form, Style style, ChordProgression family, SplittableRandom rnd) {
        List<ChordEvent> out = new ArrayList<>();
        double bpb = style.meter().beatsPerBar();
        double rhythm = harmonicRhythm(style);
        double beat = 0;
        for (int s = 0; s < form.size(); s++) {
            FormPlanner.Planned p = form.get(s);
            List<String> cycle = family.cycle(p.kind());
            double len = p.bars() * bpb;
            int count = (int) Math.max(1, Math.round(len / rhythm));
            double dur = len / count;
            boolean beforeChorus = s + 1 < form.size() && FormPlanner.isChorus(form.get(s + 1).kind()) && !FormPlanner.isChorus(p.kind());
            boolean last = s == form.size() - 1;
            for (int i = 0; i < count; i++) {
                String sym = cycle.get(i % cycle.size());
                if (i == count - 1 && beforeChorus && count >= 2) sym = family.minor() ? "5" : "5";
                if (last && i == count - 1) sym = family.minor() ? "1m" : "1";
                if (p.kind().equals("intro") && i == 0) sym = cycle.get(0);
                if (style.weirdness() > 0.55 && i % 4 == 2 && rnd.nextDouble() < (style.weirdness() - 0.5)) sym = borrowed(family.minor(), rnd);
                Chord c = ChordProgression.chord(sym, p.key());
                out.add(new ChordEvent(beat + i * dur, dur, c));
            }
            beat += len;
        }
        return out;
    }

    private static String borrowed(boolean minor, SplittableRandom rnd) {
        String[] opts = minor ? new String[]{"b2", "4", "b7sus4", "b6maj7"} : new String[]{"b6", "b7", "4m", "2", "b3"};
        return opts[rnd.nextInt(opts.length)];
    }

    /** The chord sounding at {@code beat} (the last one that started at or before it). */
    public static Chord at(List<ChordEvent> chords, double beat) {
        int lo = 0, hi = chords.size() - 1, best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (chords.get(mid).startBeat() <= beat + 1e-9) {
                best = mid;
                lo = mid + 1;
            } else hi = mid - 1;
        }
        return chords.get(best).chord();
    }

    public static Key keyAt(List<io.producer.engine.score.Section> sections, double bar, Key fallback) {
        for (io.producer.engine.score.Section s : sections) if (bar >= s.startBar() && bar < s.endBar()) return s.key();
        return fallback;
    }
}
