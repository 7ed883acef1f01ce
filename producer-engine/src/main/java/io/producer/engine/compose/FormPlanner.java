package io.producer.engine.compose;

import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.LyricSection;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.score.Key;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Genre;
import io.producer.engine.style.GenreCatalogue;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The form: which sections, how many bars each, their energy and key. With lyrics the sections are
 * the tagged ones (each line gets a regular phrase length that fits its syllables) framed by an
 * instrumental intro and outro; without lyrics the main genre's form template is stretched to a
 * natural length (about 2.5–3.5 minutes). A "key_change" cue lifts the last chorus a whole step.
 */
public final class FormPlanner {

    /** A planned section; {@code lyric} is null for instrumental sections. */
    public record Planned(String kind, String label, LyricSection lyric, int bars, int barsPerLine, double energy, Key key) {}

    public List<Planned> plan(Style style, Lyrics lyrics, SplittableRandom rnd) {
        return plan(style, lyrics, rnd, true, true);
    }

    /**
     * Plans the sections for {@code lyrics}; {@code intro}/{@code outro} say whether to frame them with
     * instrumental sections (a continuation of a song has no intro of its own).
     */
    public List<Planned> plan(Style style, Lyrics lyrics, SplittableRandom rnd, boolean intro, boolean outro) {
        Genre genre = GenreCatalogue.get(style.mainGenre());
        double bpb = style.meter().beatsPerBar();
        List<Planned> out = new ArrayList<>();
        if (!lyrics.isEmpty()) {
            boolean startsWithIntro = lyrics.sections().get(0).kind().equals("intro");
            if (!startsWithIntro && intro) out.add(new Planned("intro", "Intro", null, introBars(style), 0, 0, style.key()));
            for (LyricSection s : lyrics.sections()) {
                if (s.lines().isEmpty()) {
                    int bars = s.kind().equals("intro") || s.kind().equals("outro") ? 4 : 8;
                    out.add(new Planned(s.kind(), s.label(), null, bars, 0, 0, style.key()));
                    continue;
                }
                int bpl = barsPerLine(s, style, bpb);
                int bars = bpl * s.lines().size();
                while (bars < 4) { // a one-line section still needs room to breathe
                    bpl *= 2;
                    bars = bpl * s.lines().size();
                }
                out.add(new Planned(s.kind(), s.label(), s, bars, bpl, 0, style.key()));
            }
            String lastKind = out.get(out.size() - 1).kind();
            boolean endsInstrumental = out.get(out.size() - 1).lyric() == null && lastKind.equals("outro");
            if (!endsInstrumental && outro) out.add(new Planned("outro", "Outro", null, lastKind.equals("outro") ? 2 : 4, 0, 0, style.key()));
        } else {
            List<String> form = genre.form();
            double secondsPerBar = bpb * 60.0 / style.bpm();
            double target = 150 + rnd.nextDouble() * 50;
            int[] base = new int[form.size()];
            int total = 0;
            for (int i = 0; i < form.size(); i++) {
                base[i] = switch (form.get(i)) {
                    case "intro", "outro", "build" -> 4;
                    case "drop" -> 16;
                    default -> 8;
                };
                total += base[i];
            }
            double factor = target / (total * secondsPerBar);
            for (int i = 0; i < form.size(); i++) {
                String k = form.get(i);
                int bars = Math.max(2, (int) Math.round(base[i] * factor / 4.0) * 4);
                if ((k.equals("intro") || k.equals("outro")) && bars > 16) bars = 16;
                out.add(new Planned(k, label(k), null, bars, 0, 0, style.key()));
            }
            // the rounding above can leave the song outside 1.5–4 minutes; correct on the middle sections
            int guard = 0;
            while (seconds(out, secondsPerBar) < 100 && guard++ < 50) grow(out, 4);
            while (seconds(out, secondsPerBar) > 230 && guard++ < 100) grow(out, -4);
        }
        return withEnergyAndKeys(out, style, genre);
    }

    /**
     * Makes a plan exactly {@code bars} long: spare bars go to the last section, and a plan that is too
     * long gives up bars per line (never below one) and then instrumental bars. Returns a plan that is
     * still longer when the lyrics cannot be sung in fewer bars.
     */
    public static List<Planned> fit(List<Planned> plan, int bars) {
        List<Planned> p = new ArrayList<>(plan);
        int total = 0;
        for (Planned x : p) total += x.bars();
        boolean changed = true;
        while (total > bars && changed) {
            changed = false;
            int best = -1;
            for (int i = 0; i < p.size(); i++) {
                Planned x = p.get(i);
                int min = x.lyric() == null ? 1 : x.lyric().lines().size();
                if (x.bars() > min && (best < 0 || x.bars() > p.get(best).bars())) best = i;
            }
            if (best >= 0) {
                Planned x = p.get(best);
                int nb = x.lyric() == null ? x.bars() - 1 : Math.max(1, x.barsPerLine() - 1) * x.lyric().lines().size();
                if (nb == x.bars()) nb = x.bars() - 1;
                int bpl = x.lyric() == null ? 0 : Math.max(1, nb / x.lyric().lines().size());
                if (x.lyric() != null) nb = bpl * x.lyric().lines().size();
                if (nb >= 1 && nb < x.bars()) {
                    total -= x.bars() - nb;
                    p.set(best, new Planned(x.kind(), x.label(), x.lyric(), nb, bpl, x.energy(), x.key()));
                    changed = true;
                }
            }
        }
        if (total < bars && !p.isEmpty()) {
            Planned x = p.get(p.size() - 1);
            p.set(p.size() - 1, new Planned(x.kind(), x.label(), x.lyric(), x.bars() + bars - total, x.barsPerLine(), x.energy(), x.key()));
        }
        return p;
    }

    private static double seconds(List<Planned> p, double spb) {
        int bars = 0;
        for (Planned x : p) bars += x.bars();
        return bars * spb;
    }

    private static void grow(List<Planned> p, int delta) {
        int best = -1;
        for (int i = 0; i < p.size(); i++) {
            Planned x = p.get(i);
            if (x.kind().equals("intro") || x.kind().equals("outro")) continue;
            if (delta < 0 && x.bars() + delta < 4) continue;
            if (best < 0 || (delta > 0 ? x.bars() < p.get(best).bars() : x.bars() > p.get(best).bars())) best = i;
        }
        if (best < 0) return;
        Planned x = p.get(best);
        p.set(best, new Planned(x.kind(), x.label(), x.lyric(), x.bars() + delta, x.barsPerLine(), x.energy(), x.key()));
    }

    private static String label(String kind) {
        return switch (kind) {
            case "pre_chorus" -> "Pre-Chorus";
            default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        };
    }

    private static int introBars(Style style) {
        double spb = style.meter().beatsPerBar() * 60.0 / style.bpm();
        return spb * 4 > 12 ? 2 : 4;
    }

    /** Bars per line: the syllables at the genre's note unit plus a breath, rounded to a regular phrase. */
    static int barsPerLine(LyricSection s, Style style, double bpb) {
        int maxSyl = 0;
        for (LyricLine l : s.lines()) maxSyl = Math.max(maxSyl, l.syllableCount());
        double unit = noteUnit(style);
        double beats = maxSyl * unit * 1.25 + 1.0;
        int bars = (int) Math.ceil(beats / bpb);
        boolean rap = style.voice() != null && style.voice().type() == Voice.Type.RAP;
        if (bars <= 1) return rap ? 1 : 2;
        if (bars == 3) return 4;
        if (bars > 4) return (int) Math.ceil(bars / 2.0) * 2;
        return bars;
    }

    /** The melody's basic note value in beats: 16ths for rap, quarters at fast tempos, else 8ths. */
    public static double noteUnit(Style style) {
        if (style.voice() != null && style.voice().type() == Voice.Type.RAP) return style.bpm() > 120 ? 0.5 : 0.25;
        if (style.bpm() >= 150) return 1.0;
        return 0.5;
    }

    public List<Planned> withEnergyAndKeys(List<Planned> in, Style style, Genre genre) {
        List<Planned> out = new ArrayList<>(in.size());
        int n = in.size();
        int lastChorus = -1;
        for (int i = 0; i < n; i++) if (isChorus(in.get(i).kind())) lastChorus = i;
        boolean keyChange = style.has("key_change") && lastChorus > 0;
        for (int i = 0; i < n; i++) {
            Planned p = in.get(i);
            double t = n == 1 ? 1 : (double) i / (n - 1);
            double e = switch (p.kind()) {
                case "intro" -> 0.3;
                case "verse", "aria" -> 0.5;
                case "pre_chorus", "build" -> 0.62;
                case "chorus", "hook" -> 0.8;
                case "drop" -> 1.0;
                case "bridge" -> 0.55;
                case "breakdown" -> 0.3;
                case "solo", "instrumental" -> 0.7;
                case "outro" -> 0.3;
                default -> 0.5;
            };
            e *= 0.55 + 0.6 * style.energy();
            switch (genre.arc()) {
                case "crescendo" -> e *= 0.6 + 0.6 * t;
                case "flat" -> e = 0.5 * e + 0.5 * style.energy();
                case "wave" -> e = 0.7 * e + 0.3 * style.energy();
                default -> { }
            }
            if (style.has("crescendo")) e *= 0.75 + 0.45 * t;
            if (i == lastChorus) e += 0.08;
            e = Math.max(0.08, Math.min(1.0, e));
            Key key = p.key();
            if (keyChange && i >= lastChorus && !p.kind().equals("outro") || keyChange && i > lastChorus)
                key = new Key((key.tonic() + 2) % 12, key.mode());
            out.add(new Planned(p.kind(), p.label(), p.lyric(), p.bars(), p.barsPerLine(), e, key));
        }
        return out;
    }

    static boolean isChorus(String kind) {
        return kind.equals("chorus") || kind.equals("hook") || kind.equals("drop");
    }
}
