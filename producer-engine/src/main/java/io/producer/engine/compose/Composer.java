package io.producer.engine.compose;

import io.producer.engine.Seeds;
import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.LyricSection;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.lyrics.Syllable;
import io.producer.engine.lyrics.Word;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Style and lyrics to a score without instrument parts: the form, the chords and the vocal part.
 * Sound-only requests that are not instrumental get a wordless vocal ("oh", "ah", "la") on the main
 * sections. A chorus that repeats with the same words repeats its melody (transposed when the key
 * changed). Thread-safe (stateless; randomness only from the seed's streams).
 */
public final class Composer {
    public static final double TAIL_SECONDS = 2.5;
    private static final String[][] VOCABLES = {{"oh", "oh", "oh"}, {"ah", "ah"}, {"la", "la", "la", "la"}, {"ooh", "ooh"},
            {"oh", "la", "la"}, {"ah", "oh"}};

    private final LyricsReader lyricsReader = new LyricsReader();
    private final FormPlanner formPlanner = new FormPlanner();
    private final Harmonizer harmonizer = new Harmonizer();
    private final MelodyWriter melodyWriter = new MelodyWriter();

    public Score compose(Style style, Lyrics lyrics, String seed, String profileMv, String title) {
        long s = Seeds.hash(seed);
        List<FormPlanner.Planned> form = formPlanner.plan(style, lyrics, Seeds.stream(s, "form", 0));
        ChordProgression family = harmonizer.chooseFamily(style, Seeds.stream(s, "harmony", 0));
        List<ChordEvent> chords = harmonizer.chords(form, style, family, Seeds.stream(s, "harmony", 1));
        List<Section> sections = sections(form);
        int bars = sections.get(sections.size() - 1).endBar();
        VocalPart vocal = vocal(form, sections, chords, style, lyrics.isEmpty(), s);
        return new Score(Score.FORMAT_VERSION, "composed", seed, profileMv, title, style, style.bpm(), style.meter(),
                style.key(), bars, sections, chords, vocal, List.of(), TAIL_SECONDS);
    }

    static List<Section> sections(List<FormPlanner.Planned> form) {
        List<Section> out = new ArrayList<>();
        int bar = 0;
        for (FormPlanner.Planned p : form) {
            out.add(new Section(p.kind(), p.label(), bar, p.bars(), round3(p.energy()), p.key()));
            bar += p.bars();
        }
        return out;
    }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }

    /** The vocal part for the planned form; empty when the style has no voice. */
    VocalPart vocal(List<FormPlanner.Planned> form, List<Section> sections, List<ChordEvent> chords, Style style,
                    boolean wordless, long seed) {
        Voice voice = style.voice();
        if (voice == null) return new VocalPart(new Voice(Voice.Type.FEMALE, 57, 76, List.of()), List.of(), List.of());
        double bpb = style.meter().beatsPerBar();
        List<LyricWord> words = new ArrayList<>();
        List<VocalNote> notes = new ArrayList<>();
        Map<String, ChorusMelody> sungChoruses = new HashMap<>(); // looked up by text only, never iterated
        int lineIndex = 0;
        for (int si = 0; si < form.size(); si++) {
            FormPlanner.Planned p = form.get(si);
            Section sec = sections.get(si);
            LyricSection lyric = p.lyric();
            int bpl = p.barsPerLine();
            if (lyric == null && wordless && sings(p.kind())) {
                lyric = vocables(p.bars(), Seeds.stream(seed, "vocables", si));
                bpl = 2;
            }
            if (lyric == null) continue;
            SplittableRandom rnd = Seeds.stream(seed, "melody", si);
            String text = lyric.text();
            boolean repeat = FormPlanner.isChorus(p.kind()) && sungChoruses.containsKey(text);
            List<List<MelodyWriter.Sung>> lines = new ArrayList<>();
            double secStart = sec.startBar() * bpb;
            for (int li = 0; li < lyric.lines().size(); li++) {
                LyricLine line = lyric.lines().get(li);
                double lineStart = secStart + li * bpl * bpb;
                List<MelodyWriter.Sung> sung;
                if (repeat) {
                    ChorusMelody first = sungChoruses.get(text);
                    int shift = transposition(first.tonic(), p.key().tonic());
                    double offset = secStart - first.start();
                    sung = new ArrayList<>();
                    for (MelodyWriter.Sung x : first.lines().get(li))
                        sung.add(new MelodyWriter.Sung(x.start() + offset, x.duration(), x.midi() + shift, x.velocity(), x.syllable(), x.melisma(), x.stressed()));
                } else {
                    sung = melodyWriter.line(line, lineStart, bpl * bpb, p.kind(), li, li == lyric.lines().size() - 1,
                            p.energy(), p.key(), chords, style, voice, rnd);
                }
                lines.add(sung);
                // words and notes
                List<Syllable> flat = new ArrayList<>();
                List<Integer> wordOf = new ArrayList<>();
                for (Word w : line.words()) {
                    words.add(new LyricWord(w.text(), lineIndex, si));
                    for (Syllable sy : w.syllables()) {
                        flat.add(sy);
                        wordOf.add(words.size() - 1);
                    }
                }
                for (MelodyWriter.Sung x : sung) {
                    Syllable sy = flat.get(x.syllable());
                    notes.add(new VocalNote(x.start(), x.duration(), x.midi(), x.velocity(), sy.text(), sy.phonemes(),
                            wordOf.get(x.syllable()), x.melisma(), x.stressed()));
                }
                lineIndex++;
            }
            if (FormPlanner.isChorus(p.kind()) && !repeat) {
                sungChoruses.put(text, new ChorusMelody(secStart, p.key().tonic(), lines));
            }
        }
        return new VocalPart(voice, words, notes);
    }

    private record ChorusMelody(double start, int tonic, List<List<MelodyWriter.Sung>> lines) {}

    private static int transposition(int fromTonic, int toTonic) {
        int d = Math.floorMod(toTonic - fromTonic, 12);
        return d > 6 ? d - 12 : d;
    }

    private static boolean sings(String kind) {
        return switch (kind) {
            case "verse", "chorus", "hook", "drop", "bridge", "aria", "pre_chorus" -> true;
            default -> false;
        };
    }

    /** Wordless "vocal improvisation": short vocable phrases every other two bars. */
    private LyricSection vocables(int bars, SplittableRandom rnd) {
        List<LyricLine> lines = new ArrayList<>();
        for (int i = 0; i < bars / 2; i++) {
            String[] v = VOCABLES[rnd.nextInt(VOCABLES.length)];
            lines.add(lyricsReader.line(String.join(" ", v)));
        }
        return new LyricSection("vocalise", "Vocalise", lines);
    }
}
