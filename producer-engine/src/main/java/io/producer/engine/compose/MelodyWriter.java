package io.producer.engine.compose;

import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.Syllable;
import io.producer.engine.lyrics.Word;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sung melody of one line. Rhythm first: one note per syllable on a grid of the genre's note
 * unit, stressed syllables pulled onto beats (the note before them is lengthened), stressed and
 * word-final syllables lengthened while there is room, the last syllable held, then a breath. Pitch
 * second: each note picks the scale tone that best follows an arch contour around the section's
 * tessitura with small leaps, chord tones on strong beats, and a cadence on a chord tone at the
 * line end (the tonic at the end of a section). Rap is 16th-note speech rhythm on a narrow band.
 * Melismas (one syllable over several notes) only when lyrics_strength is low.
 */
public final class MelodyWriter {

    /** A sung note relative to nothing in particular: absolute beat, and the syllable index within its line. */
    public record Sung(double start, double duration, int midi, int velocity, int syllable, boolean melisma, boolean stressed) {}

    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd) {
        return line(line, lineStart, lineBeats, sectionKind, lineInSection, lastLine, energy, key, chords, style, voice, rnd, null, null);
    }

    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd, java.util.function.DoubleFunction<Double> guide) {
        return line(line, lineStart, lineBeats, sectionKind, lineInSection, lastLine, energy, key, chords, style, voice, rnd, guide, null);
    }

    /**
     * As above, following {@code guide} (beat to MIDI pitch, or null where it has nothing to say) instead
     * of the arch contour: a cover sings new words on the old tune's shape. With a {@code model} (an earlier
     * line of the section with as many syllables) the line takes the model's rhythm and shape: the
     * repetition that makes a hook, re-fitted to this line's chords.
     */
    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd, java.util.function.DoubleFunction<Double> guide, Model model) {
        List<Syllable> syl = new ArrayList<>();
        List<Boolean> wordEnd = new ArrayList<>();
        for (Word w : line.words()) {
            List<Syllable> ss = w.syllables();
            for (int i = 0; i < ss.size(); i++) {
                syl.add(ss.get(i));
                wordEnd.add(i == ss.size() - 1);
            }
        }
        int n = syl.size();
        if (n == 0) return List.of();
        boolean rap = voice.type() == Voice.Type.RAP;
        double unit = FormPlanner.noteUnit(style);
        double rest = Math.min(lineBeats * 0.25, Math.max(1.0, unit * 2));
        double span = lineBeats - rest;
        double u = unit;
        while (n * u > span && u > 0.25) u /= 2;
        if (n * u > span) u = span / n;
        double slackRatio = (span - n * u) / span;

        // rhythm
        double[] starts = new double[n], durs = new double[n];
        double pos = 0;
        if (n > 1 && !syl.get(0).stressed() && syl.get(1).stressed() && u <= 0.5 && slackRatio > 0.3) pos = 1 - u; // pickup
        for (int i = 0; i < n; i++) {
            double remainingMin = (n - i - 1) * u;
            double slack = span - pos - u - remainingMin;
            boolean stressed = syl.get(i).stressed();
            if (stressed && i > 0 && u <= 0.5 && !rap) {
                double nb = Math.ceil(pos - 1e-9);
                double gap = nb - pos;
                if (gap > 1e-9 && gap <= slack + 1e-9) {
                    durs[i - 1] += gap;
                    pos = nb;
                    slack -= gap;
                }
            }
            double d = u;
            if (i == n - 1) d = Math.max(u, Math.min(span - pos, rap ? 1.0 : 3.0));
            else if (rap) d = stressed && slack >= u - 1e-9 && rnd.nextDouble() < 0.25 ? 2 * u : u;
            else if (stressed && slack >= u - 1e-9 && rnd.nextDouble() < 0.3 + slackRatio) d = 2 * u;
            else if (wordEnd.get(i) && slack >= u - 1e-9 && rnd.nextDouble() < 0.15 + slackRatio * 0.7) d = 2 * u;
            if (!rap && d == 2 * u && slack >= 2 * u && slackRatio > 0.55 && stressed && rnd.nextDouble() < 0.4) d = 3 * u;
            starts[i] = pos;
            durs[i] = d;
            pos += d;
        }
        // weirdness widens the rhythm: some stressed syllables are pushed half a unit ahead of their beat
        if (!rap && style.weirdness() > 0.6) {
            for (int i = 1; i < n; i++) {
                if (!syl.get(i).stressed() || durs[i - 1] < 2 * u - 1e-9 || rnd.nextDouble() > style.weirdness() - 0.6) continue;
                double push = u / 2;
                durs[i - 1] -= push;
                starts[i] -= push;
                durs[i] += push;
            }
        }

        boolean modelled = model != null && model.starts().length == n && Math.abs(model.lineBeats() - lineBeats) < 1e-9;
        if (modelled) {
            System.arraycopy(model.starts(), 0, starts, 0, n);
            System.arraycopy(model.durations(), 0, durs, 0, n);
        }

        // pitch
        int lo = voice.lowMidi(), hi = voice.highMidi();
        double place = switch (sectionKind) {
            case "chorus", "hook", "drop" -> 0.6;
            case "bridge" -> 0.55;
            case "pre_chorus" -> 0.5;
            default -> 0.4;
        };
        double center = lo + (hi - lo) * place;
        // lyrics_strength trades melodic freedom for clarity: a clear line moves less and leaps less
        double clarity = style.lyricsStrength();
        double amp = rap ? 1.0 : 2.0 + 2.5 * energy + 2.0 * style.weirdness() + 2.0 * (0.5 - clarity);
        double leapWeight = 0.7 + 0.6 * clarity;
        boolean rising = lineInSection % 2 == 0;
        List<Integer> scale = new ArrayList<>();
        int[] steps = key.mode().steps();
        for (int m = lo; m <= hi; m++) {
            int rel = Math.floorMod(m - key.tonic(), 12);
            for (int s : steps) if (s == rel) scale.add(m);
        }
        int prev = nearest(scale, (int) Math.round(center - (rising ? 1 : -1)));
        List<Sung> out = new ArrayList<>();
        double melismaChance = style.lyricsStrength() < 0.4 && !rap ? (0.4 - style.lyricsStrength()) * 2.0 : 0;
        for (int i = 0; i < n; i++) {
            double abs = lineStart + starts[i];
            Chord chord = Harmonizer.at(chords, abs);
            boolean strong = syl.get(i).stressed() || Math.abs(starts[i] - Math.rint(starts[i])) < 1e-9 && ((int) Math.rint(starts[i])) % 2 == 0;
            double t = n == 1 ? 0.5 : (double) i / (n - 1);
            double arch = rising ? Math.sin(Math.PI * Math.min(1, t / 0.9)) : Math.cos(Math.PI * 0.5 * t) - 0.2;
            double target = center + amp * (arch - 0.35) + (rap && syl.get(i).stressed() ? 1 : 0);
            Double guided = guide == null ? null : guide.apply(abs);
            if (guided != null) target = Math.max(lo, Math.min(hi, guided));
            if (modelled) target = model.midis()[i];
            boolean end = i == n - 1;
            int best = prev;
            double bestCost = Double.MAX_VALUE;
            for (int m : scale) {
                int leap = Math.abs(m - prev);
                if (leap > (rap ? 4 : 9)) continue;
                boolean ct = isChordTone(chord, m);
                double cost = Math.abs(m - target) * 0.6;
                cost += (leap <= 2 ? 0 : (leap - 2) * 0.45 + (leap > 5 ? 2.5 : 0)) * leapWeight;
                if (strong && !ct) cost += 2.5;
                if (!strong && !ct && leap > 2) cost += 1.5;
                if (m == prev) cost += rap ? 0 : 0.6;
                if (end) {
                    if (!ct) cost += 6;
                    int pc = Math.floorMod(m - key.tonic(), 12);
                    if (lastLine) cost += pc == 0 ? 0 : 2.5;
                    else cost += pc == 0 ? 1.2 : 0;
                }
                if (modelled) cost += Math.abs(m - target) * 0.9;
                cost += rnd.nextDouble() * (0.6 + 2.0 * style.weirdness());
                if (cost < bestCost) {
                    bestCost = cost;
                    best = m;
                }
            }
            int vel = (int) Math.round(64 + 34 * energy + (syl.get(i).stressed() ? 10 : 0) + rnd.nextInt(5));
            vel = Math.max(30, Math.min(120, vel));
            boolean melisma = durs[i] >= 2 * u - 1e-9 && durs[i] >= 1.0 && rnd.nextDouble() < melismaChance;
            if (melisma) {
                double half = Math.rint(durs[i] / 2 / 0.25) * 0.25;
                int idx = scale.indexOf(best);
                int neighbour = idx >= 0 ? scale.get(Math.max(0, Math.min(scale.size() - 1, idx + (rnd.nextBoolean() ? 1 : -1)))) : best;
                out.add(new Sung(abs, half, best, vel, i, false, syl.get(i).stressed()));
                out.add(new Sung(abs + half, durs[i] - half, neighbour, vel - 6, i, true, syl.get(i).stressed()));
                prev = neighbour;
            } else {
                out.add(new Sung(abs, durs[i], best, vel, i, false, syl.get(i).stressed()));
                prev = best;
            }
        }
        return out;
    }

    /** A line's rhythm and pitches relative to its start, for a later line to repeat. */
    public record Model(double lineBeats, double[] starts, double[] durations, int[] midis) {
        /** The model of a written line (melisma continuations folded into their syllable's note). */
        public static Model of(List<Sung> sung, double lineStart, double lineBeats) {
            List<Sung> heads = new ArrayList<>();
            for (Sung x : sung) if (!x.melisma()) heads.add(x);
            double[] st = new double[heads.size()], du = new double[heads.size()];
            int[] mi = new int[heads.size()];
            for (int i = 0; i < heads.size(); i++) {
                st[i] = heads.get(i).start() - lineStart;
                mi[i] = heads.get(i).midi();
                double end = i + 1 < heads.size() ? heads.get(i + 1).start() : lineStart + lineBeats;
                double own = heads.get(i).duration();
                for (Sung x : sung) if (x.melisma() && x.syllable() == heads.get(i).syllable()) own += x.duration();
                du[i] = Math.min(own, end - heads.get(i).start());
            }
            return new Model(lineBeats, st, du, mi);
        }
    }

    static boolean isChordTone(Chord c, int midi) {
        int rel = Math.floorMod(midi - c.root(), 12);
        for (int iv : c.intervals()) if (iv % 12 == rel) return true;
        return false;
    }

    private static int nearest(List<Integer> scale, int target) {
        int best = scale.get(0);
        for (int m : scale) if (Math.abs(m - target) < Math.abs(best - target)) best = m;
        return best;
    }
}
