package io.producer.engine.edit;

import io.producer.engine.Seeds;
import io.producer.engine.compose.Composer;
import io.producer.engine.compose.MelodyWriter;
import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.LyricSection;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Sings new lyrics over an existing form without changing its length: each lyric section goes to the
 * next singable section of the score (a chorus prefers a chorus), its lines share that section's
 * bars evenly, and lyric sections left over join the last section used. The melody follows the
 * score's chords and, when a guide is given, the old tune's contour.
 */
public final class VocalFitter {
    private final MelodyWriter melody = new MelodyWriter();

    public VocalPart fit(Score score, Lyrics lyrics, Style style, Voice voice, String seed, DoubleFunction<Double> guide) {
        List<Section> secs = score.sections();
        double bpb = score.meter().beatsPerBar();
        List<Integer> singable = new ArrayList<>();
        for (int i = 0; i < secs.size(); i++) if (singable(secs.get(i).kind())) singable.add(i);
        if (singable.isEmpty()) for (int i = 0; i < secs.size(); i++) singable.add(i);
        // assign
        List<List<LyricSection>> assigned = new ArrayList<>();
        for (int i = 0; i < secs.size(); i++) assigned.add(new ArrayList<>());
        int next = 0, last = singable.get(0);
        for (LyricSection ls : lyrics.sections()) {
            if (ls.lines().isEmpty()) continue;
            if (next >= singable.size()) {
                assigned.get(last).add(ls);
                continue;
            }
            int pick = next;
            boolean chorus = isChorus(ls.kind());
            for (int k = next; k < Math.min(singable.size(), next + 3); k++) {
                if (isChorus(secs.get(singable.get(k)).kind()) == chorus) {
                    pick = k;
                    break;
                }
            }
            if (singable.size() - pick < remainingSections(lyrics, ls)) pick = next; // do not skip sections we will need
            last = singable.get(pick);
            assigned.get(last).add(ls);
            next = pick + 1;
        }
        List<LyricWord> words = new ArrayList<>();
        List<VocalNote> notes = new ArrayList<>();
        int lineIndex = 0;
        long s = Seeds.hash(seed);
        for (int si = 0; si < secs.size(); si++) {
            List<LyricLine> lines = new ArrayList<>();
            String kind = secs.get(si).kind();
            for (LyricSection ls : assigned.get(si)) lines.addAll(ls.lines());
            if (lines.isEmpty()) continue;
            Section sec = secs.get(si);
            double start = sec.startBar() * bpb, len = sec.bars() * bpb;
            double lineBeats = len / lines.size();
            if (lineBeats >= 2 * bpb) lineBeats = Math.floor(lineBeats / bpb) * bpb; // keep phrases on bar lines
            var rnd = Seeds.stream(s, "fit", si);
            for (int li = 0; li < lines.size(); li++) {
                List<MelodyWriter.Sung> sung = melody.line(lines.get(li), start + li * lineBeats, lineBeats, kind, li,
                        li == lines.size() - 1, sec.energy(), sec.key(), score.chords(), style, voice, rnd, guide);
                Composer.addLine(lines.get(li), sung, lineIndex++, si, words, notes);
            }
        }
        return new VocalPart(voice, words, notes);
    }

    private static int remainingSections(Lyrics lyrics, LyricSection from) {
        int idx = lyrics.sections().indexOf(from), n = 0;
        for (int i = idx; i < lyrics.sections().size(); i++) if (!lyrics.sections().get(i).lines().isEmpty()) n++;
        return n;
    }

    static boolean isChorus(String kind) {
        return kind.equals("chorus") || kind.equals("hook") || kind.equals("drop");
    }

    static boolean singable(String kind) {
        return switch (kind) {
            case "intro", "outro", "instrumental", "solo", "build", "breakdown" -> false;
            default -> true;
        };
    }

    /** The pitch a vocal part sings at each beat (null in rests), shifted by {@code semitones}. */
    public static DoubleFunction<Double> contour(VocalPart part, int semitones) {
        List<VocalNote> notes = part.notes();
        return beat -> {
            int lo = 0, hi = notes.size() - 1, best = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (notes.get(mid).startBeat() <= beat + 1e-9) {
                    best = mid;
                    lo = mid + 1;
                } else hi = mid - 1;
            }
            if (best < 0) return null;
            VocalNote n = notes.get(best);
            return beat < n.endBeat() + 1.0 ? (double) (n.midi() + semitones) : null;
        };
    }
}
