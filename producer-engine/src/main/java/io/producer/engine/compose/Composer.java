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
 * changed). Edits compose {@link Fragment}s: new sections placed at a bar of an existing song.
 * Thread-safe (stateless; randomness only from the seed's streams).
 */
public final class Composer {
    public static final double TAIL_SECONDS = 2.5;
    private static final String[][] VOCABLES = {{"oh", "oh", "oh"}, {"ah", "ah"}, {"la", "la", "la", "la"}, {"ooh", "ooh"},
            {"oh", "la", "la"}, {"ah", "oh"}};

    private final LyricsReader lyricsReader = new LyricsReader();
    private final FormPlanner formPlanner = new FormPlanner();
    private final Harmonizer harmonizer = new Harmonizer();
    private final MelodyWriter melodyWriter = new MelodyWriter();

    /** New sections placed from {@code startBar} on: their chords and vocal (word indices from 0). */
    public record Fragment(List<Section> sections, List<ChordEvent> chords, List<LyricWord> words, List<VocalNote> notes) {
        public int bars() {
            int n = 0;
            for (Section s : sections) n += s.bars();
            return n;
        }
    }

    public Score compose(Style style, Lyrics lyrics, String seed, String profileMv, String title) {
        long s = Seeds.hash(seed);
        List<FormPlanner.Planned> form = formPlanner.plan(style, lyrics, Seeds.stream(s, "form", 0));
        Fragment f = fragment(style, form, 0, 0, lyrics.isEmpty(), s);
        int bars = f.bars();
        VocalPart vocal = style.voice() == null ? silentVocal() : new VocalPart(style.voice(), f.words(), f.notes());
        return new Score(Score.FORMAT_VERSION, "composed", seed, profileMv, title, style, style.bpm(), style.meter(),
                style.key(), bars, f.sections(), f.chords(), vocal, List.of(), TAIL_SECONDS);
    }

    /**
     * Sections for {@code lyrics} (or, without lyrics, {@code instrumentalKinds}) starting at {@code startBar},
     * exactly {@code exactBars} long when that is not null and the lyrics fit, framed by an outro when asked.
     * {@code lineBase} numbers the fragment's lines after the song's earlier ones; {@code sectionBase} its sections.
     */
    public Fragment continuation(Style style, Lyrics lyrics, List<String> instrumentalKinds, String seed, int startBar,
                                 int sectionBase, int lineBase, boolean outro, Integer exactBars) {
        long s = Seeds.hash(seed);
        List<FormPlanner.Planned> form;
        if (!lyrics.isEmpty()) {
            form = formPlanner.plan(style, lyrics, Seeds.stream(s, "form", 1), false, outro);
        } else {
            List<FormPlanner.Planned> raw = new ArrayList<>();
            for (String k : instrumentalKinds) raw.add(new FormPlanner.Planned(k, label(k), null, k.equals("outro") ? 4 : 8, 0, 0, style.key()));
            if (outro && !instrumentalKinds.contains("outro")) raw.add(new FormPlanner.Planned("outro", "Outro", null, 4, 0, 0, style.key()));
            form = formPlanner.withEnergyAndKeys(raw, style, io.producer.engine.style.GenreCatalogue.get(style.mainGenre()));
        }
        if (exactBars != null) form = FormPlanner.fit(form, exactBars);
        Fragment f = fragment(style, form, startBar, lineBase, false, s ^ sectionBase);
        List<Section> sections = f.sections();
        List<LyricWord> words = new ArrayList<>();
        for (LyricWord w : f.words()) words.add(new LyricWord(w.text(), w.lineIndex(), w.sectionIndex() + sectionBase));
        return new Fragment(sections, f.chords(), words, f.notes());
    }

    private static String label(String kind) {
        return kind.equals("pre_chorus") ? "Pre-Chorus" : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    public static VocalPart silentVocal() {
        return new VocalPart(new Voice(Voice.Type.FEMALE, 57, 76, List.of()), List.of(), List.of());
    }

    private Fragment fragment(Style style, List<FormPlanner.Planned> form, int startBar, int lineBase, boolean wordless, long seed) {
        ChordProgression family = harmonizer.chooseFamily(style, Seeds.stream(seed, "harmony", 0));
        double startBeat = startBar * style.meter().beatsPerBar();
        List<ChordEvent> chords = new ArrayList<>();
        for (ChordEvent c : harmonizer.chords(form, style, family, Seeds.stream(seed, "harmony", 1)))
            chords.add(new ChordEvent(c.startBeat() + startBeat, c.durationBeats(), c.chord()));
        List<Section> sections = new ArrayList<>();
        int bar = startBar;
        for (FormPlanner.Planned p : form) {
            sections.add(new Section(p.kind(), p.label(), bar, p.bars(), Math.round(p.energy() * 1000) / 1000.0, p.key()));
            bar += p.bars();
        }
        List<LyricWord> words = new ArrayList<>();
        List<VocalNote> notes = new ArrayList<>();
        if (style.voice() != null) vocal(form, sections, chords, style, wordless, seed, lineBase, words, notes);
        return new Fragment(sections, chords, words, notes);
    }

    /** The vocal for the planned form, appended to {@code words} and {@code notes}. */
    private void vocal(List<FormPlanner.Planned> form, List<Section> sections, List<ChordEvent> chords, Style style,
                       boolean wordless, long seed, int lineBase, List<LyricWord> words, List<VocalNote> notes) {
        Voice voice = style.voice();
        double bpb = style.meter().beatsPerBar();
        Map<String, ChorusMelody> sungChoruses = new HashMap<>(); // looked up by text only, never iterated
        int lineIndex = lineBase;
        for (int si = 0; si < form.size(); si++) {
            FormPlanner.Planned p = form.get(si);
            Section sec = sections.get(si);
            LyricSection lyric = p.lyric();
            double lineBeats = p.barsPerLine() * bpb;
            if (lyric == null && wordless && sings(p.kind())) {
                lyric = vocables(p.bars(), Seeds.stream(seed, "vocables", si));
                lineBeats = 2 * bpb;
            }
            if (lyric == null) continue;
            SplittableRandom rnd = Seeds.stream(seed, "melody", si);
            String text = lyric.text();
            ChorusMelody first = FormPlanner.isChorus(p.kind()) ? sungChoruses.get(text) : null;
            List<List<MelodyWriter.Sung>> lines = new ArrayList<>();
            List<MelodyWriter.Model> models = new ArrayList<>();
            double secStart = sec.startBar() * bpb;
            for (int li = 0; li < lyric.lines().size(); li++) {
                LyricLine line = lyric.lines().get(li);
                List<MelodyWriter.Sung> sung;
                if (first != null && first.lineBeats() == lineBeats) {
                    int shift = transposition(first.tonic(), p.key().tonic());
                    double offset = secStart - first.start();
                    sung = new ArrayList<>();
                    for (MelodyWriter.Sung x : first.lines().get(li))
                        sung.add(new MelodyWriter.Sung(x.start() + offset, x.duration(), x.midi() + shift, x.velocity(), x.syllable(), x.melisma(), x.stressed()));
                } else {
                    // a line as long as the one two lines up (or the first) repeats its tune: verses and hooks are built that way
                    MelodyWriter.Model model = null;
                    int syllables = line.syllableCount();
                    for (int back : new int[]{2, li}) {
                        int j = li - back;
                        if (back > 0 && j >= 0 && j < li && lyric.lines().get(j).syllableCount() == syllables && li != lyric.lines().size() - 1) {
                            model = models.get(j);
                            break;
                        }
                    }
                    sung = melodyWriter.line(line, secStart + li * lineBeats, lineBeats, p.kind(), li, li == lyric.lines().size() - 1,
                            p.energy(), p.key(), chords, style, voice, rnd, null, model);
                }
                lines.add(sung);
                models.add(MelodyWriter.Model.of(sung, secStart + li * lineBeats, lineBeats));
                addLine(line, sung, lineIndex++, si, words, notes);
            }
            if (FormPlanner.isChorus(p.kind()) && first == null)
                sungChoruses.put(text, new ChorusMelody(secStart, lineBeats, p.key().tonic(), lines));
        }
    }


    /** Appends one sung line's words and notes (notes refer to words by their index in {@code words}). */
    public static void addLine(LyricLine line, List<MelodyWriter.Sung> sung, int lineIndex, int sectionIndex,
                               List<LyricWord> words, List<VocalNote> notes) {
        List<Syllable> flat = new ArrayList<>();
        List<Integer> wordOf = new ArrayList<>();
        for (Word w : line.words()) {
            words.add(new LyricWord(w.text(), lineIndex, sectionIndex));
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
    }

    private record ChorusMelody(double start, double lineBeats, int tonic, List<List<MelodyWriter.Sung>> lines) {}

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

    /** Wordless "vocal improvisation": short vocable phrases, one every two bars. */
    private LyricSection vocables(int bars, SplittableRandom rnd) {
        List<LyricLine> lines = new ArrayList<>();
        for (int i = 0; i < bars / 2; i++) {
            String[] v = VOCABLES[rnd.nextInt(VOCABLES.length)];
            lines.add(lyricsReader.line(String.join(" ", v)));
        }
        return new LyricSection("vocalise", "Vocalise", lines);
    }
}
