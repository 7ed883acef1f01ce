package io.producer.engine.edit;

import io.producer.engine.Profile;
import io.producer.engine.Seeds;
import io.producer.engine.SongRequest;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.compose.Composer;
import io.producer.engine.compose.Harmonizer;
import io.producer.engine.compose.Reharmonizer;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;
import io.producer.engine.score.Score;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import io.producer.engine.style.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The edit operations of the API as functions from a score to a score. Kept material is copied
 * note for note; new material is composed with the request's seed in the source's tempo and meter.
 * Scores that keep their source's audio (extend, replace, both swaps) keep the source's seed, which
 * is what the renderer and the singer draw their randomness from, so re-rendering the kept parts
 * gives the same samples. Thread-safe (stateless).
 */
public final class Edits {
    private final StyleReader styleReader = new StyleReader();
    private final LyricsReader lyricsReader = new LyricsReader();
    private final Composer composer = new Composer();
    private final Arranger arranger = new Arranger();

    /** What an extend or replace did, for the audio splice: bars [fromBar, toBar) of the source became {@code newBars}. */
    public record Window(int fromBar, int toBar, int newBars) {}

    public record Edited(Score score, Window window) {}

    /** The bar line nearest to {@code seconds}, clamped to [min, max]. */
    public static int barAt(Score s, double seconds, int min, int max) {
        double barSec = s.beatToSeconds(s.meter().beatsPerBar());
        int bar = (int) Math.round(seconds / barSec);
        return Math.max(min, Math.min(max, bar));
    }

    /** extend_music: keep the bars before {@code startsAt}, then new sections (the request's lyrics, or a solo/instrumental and the last chorus again). */
    public Edited extend(Score src, SongRequest req, double startsAt, Profile profile) {
        int keep = barAt(src, startsAt, 1, src.bars());
        Style style = continuationStyle(src, req);
        Lyrics lyrics = lyricsReader.read(req.lyrics());
        int before = sectionsBefore(src, keep);
        Composer.Fragment f;
        if (!lyrics.isEmpty()) {
            f = composer.continuation(style, lyrics, List.of(), req.seed(), keep, before, 100_000, true, null);
        } else {
            // no new words: an instrumental passage (a solo when asked), then the song's last chorus again
            String passage = style.has("solo") || style.has("riff") ? "solo" : "instrumental";
            var chorus = SourceLyrics.of(src, lyricsReader).sections().stream().filter(x -> VocalFitter.isChorus(x.kind())).reduce((x, y) -> y);
            if (chorus.isPresent() && style.voice() != null) {
                Composer.Fragment solo = composer.continuation(style, Lyrics.NONE, List.of(passage), req.seed() + "/passage", keep, before, 100_000, false, null);
                Composer.Fragment rest = composer.continuation(style, new Lyrics(List.of(chorus.get())), List.of(), req.seed(), keep + solo.bars(),
                        before + solo.sections().size(), 200_000, true, null);
                f = concat(solo, rest);
            } else {
                f = composer.continuation(style, Lyrics.NONE, style.has("fade_out") ? List.of("outro") : List.of(passage, "chorus"), req.seed(), keep, before, 100_000, true, null);
            }
        }
        Score spliced = insert(src, keep, src.bars(), f, style, profile, req.seed());
        return new Edited(spliced, new Window(keep, src.bars(), f.bars()));
    }

    /** replace_music: re-compose the bars in [startsAt, endsAt) (to the end when endsAt is null). */
    public Edited replace(Score src, SongRequest req, double startsAt, Double endsAt, Profile profile) {
        int from = barAt(src, startsAt, 0, src.bars() - 1);
        int to = endsAt == null ? src.bars() : barAt(src, endsAt, from + 1, src.bars());
        Style style = continuationStyle(src, req);
        Lyrics lyrics = lyricsReader.read(req.lyrics());
        boolean toEnd = to == src.bars();
        List<String> kinds = List.of(toEnd ? "outro" : kindAt(src, from));
        Composer.Fragment f = composer.continuation(style, lyrics, kinds, req.seed(), from, sectionsBefore(src, from), 100_000, false, to - from);
        if (style.has("key_change")) f = lift(f, style);
        Score spliced = insert(src, from, to, f, style, profile, req.seed());
        return new Edited(spliced, new Window(from, to, f.bars()));
    }

    /** cover_music: same form, lyrics (or new ones) and tune; new style, instruments and groove. */
    public Score cover(Score src, SongRequest req, Profile profile) {
        double cs = Math.max(0.2, Math.min(1.0, req.coverStrength()));
        Lyrics newLyrics = lyricsReader.read(req.lyrics());
        Lyrics oldLyrics = SourceLyrics.of(src, lyricsReader);
        Lyrics lyrics = newLyrics.isEmpty() ? oldLyrics : newLyrics;
        Style read = styleReader.read(req.sound(), req.title(), !lyrics.isEmpty(), req.makeInstrumental() || !src.hasVocal() && lyrics.isEmpty(),
                req.soundStrength(), req.weirdness(), req.lyricsStrength(), req.seed());
        double move = Math.max(0, (cs - 0.5) / 0.5);
        double bpm = Math.round(src.bpm() + (read.bpm() - src.bpm()) * move);
        Style style = withTimeAndKey(read, bpm, src);
        List<ChordEvent> chords = src.chords();
        VocalPart vocal = Composer.silentVocal();
        if (style.voice() != null && !lyrics.isEmpty()) {
            Voice voice = style.voice();
            int shift = src.hasVocal() ? octaveShift(src.vocal(), voice) : 0;
            if (src.hasVocal() && sameWords(src.vocal(), lyrics)) {
                List<VocalNote> notes = new ArrayList<>();
                for (VocalNote n : src.vocal().notes())
                    notes.add(new VocalNote(n.startBeat(), n.durationBeats(), n.midi() + shift, n.velocity(), n.syllable(), n.phonemes(), n.wordIndex(), n.melisma(), n.stressed()));
                vocal = new VocalPart(voice, src.vocal().words(), notes);
            } else {
                var guide = src.hasVocal() ? VocalFitter.contour(src.vocal(), shift) : null;
                vocal = new VocalFitter().fit(src, lyrics, style, voice, req.seed(), guide);
            }
        }
        if (cs >= 0.7 && !src.origin().equals("analysed")) {
            var family = new Harmonizer().chooseFamily(style, Seeds.stream(Seeds.hash(req.seed()), "harmony", 0));
            List<VocalNote> tune = vocal.notes().isEmpty() && src.hasVocal() ? src.vocal().notes() : vocal.notes();
            chords = new Reharmonizer().reharmonise(chords, tune, src.sections(), src.meter().beatsPerBar(), family,
                    Seeds.stream(Seeds.hash(req.seed()), "reharmonise", 0));
        }
        Score bare = new Score(src.formatVersion(), "composed", req.seed(), profile.mv(), req.title() != null ? req.title() : src.title(),
                style, bpm, src.meter(), src.key(), src.bars(), src.sections(), chords, vocal, List.of(), src.tailSeconds());
        Score arranged = arranger.arrange(bare, profile);
        if (!src.hasVocal() && !arranged.hasVocal()) arranged = keepTune(arranged, src);
        return arranged;
    }

    /** music_variation: the same style, lyrics and form with another seed. */
    public Score variation(Score src, SongRequest req, Profile profile) {
        Lyrics lyrics = SourceLyrics.of(src, lyricsReader);
        Style style = src.style();
        Score s = composer.compose(style, lyrics, req.seed(), profile.mv(), src.title());
        return arranger.arrange(s, profile);
    }

    /** swap_music_vocals: every part kept; new lyrics sung by the voice the sound asks for over the same chords. */
    public Score swapVocals(Score src, SongRequest req) {
        Lyrics lyrics = lyricsReader.read(req.lyrics());
        if (lyrics.isEmpty()) lyrics = SourceLyrics.of(src, lyricsReader);
        Style read = styleReader.read(req.sound(), req.title(), !lyrics.isEmpty(), false, req.soundStrength(), req.weirdness(),
                req.lyricsStrength(), req.seed());
        Voice voice = namesVoice(req.sound()) || !src.hasVocal() ? read.voice() : src.vocal().voice();
        Style style = new Style(src.style().genres(), src.bpm(), src.meter(), src.key(), src.style().energy(), src.style().instruments(),
                voice, src.style().production(), src.style().moods(), src.style().soundStrength(), src.style().weirdness(), read.lyricsStrength());
        VocalPart vocal = lyrics.isEmpty() ? Composer.silentVocal() : new VocalFitter().fit(src, lyrics, style, voice, req.seed(), null);
        return new Score(src.formatVersion(), src.origin(), src.seed(), src.profile(), src.title(), style, src.bpm(), src.meter(),
                src.key(), src.bars(), src.sections(), src.chords(), vocal, src.parts(), src.tailSeconds());
    }

    /** swap_music_sound: the vocal part kept; a new arrangement in the new style over the same chords and tempo. */
    public Score swapSound(Score src, SongRequest req, Profile profile) {
        Style read = styleReader.read(req.sound(), req.title(), src.hasVocal(), !src.hasVocal(), req.soundStrength(), req.weirdness(),
                src.style().lyricsStrength(), req.seed());
        Style style = new Style(read.genres(), src.bpm(), src.meter(), src.key(), read.energy(), read.instruments(),
                src.hasVocal() ? src.vocal().voice() : null, read.production(), read.moods(), read.soundStrength(), read.weirdness(),
                src.style().lyricsStrength());
        Score bare = new Score(src.formatVersion(), src.origin(), req.seed(), src.profile(), src.title(), style, src.bpm(), src.meter(),
                src.key(), src.bars(), src.sections(), src.chords(), src.vocal(), List.of(), src.tailSeconds());
        Score arranged = arranger.arrange(bare, profile);
        if (!src.hasVocal()) arranged = keepTune(arranged, src);
        return new Score(src.formatVersion(), src.origin(), src.seed(), src.profile(), src.title(), style, src.bpm(), src.meter(),
                src.key(), src.bars(), src.sections(), src.chords(), src.vocal(), arranged.parts(), src.tailSeconds());
    }

    // ---- helpers

    /** The new prompt's style held to the source's tempo, meter and key; the source's genres unless the prompt names its own. */
    Style continuationStyle(Score src, SongRequest req) {
        Lyrics lyrics = lyricsReader.read(req.lyrics());
        boolean hadVoice = src.hasVocal();
        Style read = styleReader.read(req.sound(), req.title(), !lyrics.isEmpty() || hadVoice,
                req.makeInstrumental() || !hadVoice && lyrics.isEmpty(), req.soundStrength(), req.weirdness(), req.lyricsStrength(), req.seed());
        Style old = src.style();
        var genres = namesGenre(req.sound()) ? read.genres() : old.genres();
        Set<String> instruments = new LinkedHashSet<>(old.instruments());
        instruments.addAll(read.instruments());
        Voice voice = read.voice();
        if (voice != null && hadVoice && !namesVoice(req.sound())) voice = src.vocal().voice();
        return new Style(genres, src.bpm(), src.meter(), src.key(), read.energy(), List.copyOf(instruments), voice,
                read.production(), read.moods(), read.soundStrength(), read.weirdness(), read.lyricsStrength());
    }

    private static Style withTimeAndKey(Style s, double bpm, Score src) {
        return new Style(s.genres(), bpm, src.meter(), src.key(), s.energy(), s.instruments(), s.voice(), s.production(),
                s.moods(), s.soundStrength(), s.weirdness(), s.lyricsStrength());
    }

    static boolean namesGenre(String sound) {
        if (sound == null) return false;
        for (var m : Vocabulary.match(Vocabulary.tokens(sound))) for (String t : m.tags()) if (t.startsWith("genre:")) return true;
        return false;
    }

    static boolean namesVoice(String sound) {
        if (sound == null) return false;
        for (var m : Vocabulary.match(Vocabulary.tokens(sound)))
            for (String t : m.tags()) if (t.startsWith("voice:") && !t.equals("voice:sing")) return true;
        return false;
    }

    private Score insert(Score src, int from, int to, Composer.Fragment f, Style style, Profile profile, String seed) {
        Voice voice = style.voice() != null ? style.voice() : src.hasVocal() ? src.vocal().voice() : null;
        ScoreSplicer.Insert bare = new ScoreSplicer.Insert(f.sections(), f.chords(), f.words(), f.notes(), List.of(), f.bars());
        Score draft = ScoreSplicer.splice(src, from, to, bare, style, voice);
        // arrange the whole draft in the new style, then take only the new bars' notes
        Score forArranging = new Score(draft.formatVersion(), draft.origin(), seed, draft.profile(), draft.title(), style, draft.bpm(),
                draft.meter(), draft.key(), draft.bars(), draft.sections(), draft.chords(), draft.vocal(), List.of(), draft.tailSeconds());
        Score arranged = arranger.arrange(forArranging, profile);
        double bpb = src.meter().beatsPerBar();
        double a = from * bpb, b = (from + f.bars()) * bpb;
        List<Part> window = new ArrayList<>();
        for (Part p : arranged.parts()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : p.notes()) {
                if (n.startBeat() < a - 1e-9 || n.startBeat() >= b - 1e-9) continue;
                double end = Math.min(n.endBeat(), b);
                notes.add(new Note(n.startBeat(), end - n.startBeat(), n.midi(), n.velocity()));
            }
            if (!notes.isEmpty()) window.add(new Part(p.name(), p.role(), p.instrument(), notes, p.pan(), p.gainDb()));
        }
        ScoreSplicer.Insert full = new ScoreSplicer.Insert(f.sections(), f.chords(), f.words(), f.notes(), window, f.bars());
        return ScoreSplicer.splice(src, from, to, full, src.style(), voice);
    }

    private static int sectionsBefore(Score src, int bar) {
        int n = 0;
        for (var s : src.sections()) if (s.startBar() < bar) n++;
        return n;
    }

    private static String kindAt(Score src, int bar) {
        for (var s : src.sections()) if (bar >= s.startBar() && bar < s.endBar()) return s.kind().equals("intro") ? "verse" : s.kind();
        return "verse";
    }

    private static Composer.Fragment concat(Composer.Fragment a, Composer.Fragment b) {
        List<io.producer.engine.score.Section> s = new ArrayList<>(a.sections());
        s.addAll(b.sections());
        List<ChordEvent> c = new ArrayList<>(a.chords());
        c.addAll(b.chords());
        List<io.producer.engine.score.LyricWord> w = new ArrayList<>(a.words());
        List<VocalNote> n = new ArrayList<>(a.notes());
        int base = w.size();
        w.addAll(b.words());
        for (VocalNote x : b.notes())
            n.add(new VocalNote(x.startBeat(), x.durationBeats(), x.midi(), x.velocity(), x.syllable(), x.phonemes(), x.wordIndex() + base, x.melisma(), x.stressed()));
        return new Composer.Fragment(s, c, w, n);
    }

    /** A key change asked of a replaced window: its sections, chords and tune go up a whole step. */
    private static Composer.Fragment lift(Composer.Fragment f, Style style) {
        List<io.producer.engine.score.Section> s = new ArrayList<>();
        for (var x : f.sections())
            s.add(new io.producer.engine.score.Section(x.kind(), x.label(), x.startBar(), x.bars(), x.energy(),
                    new io.producer.engine.score.Key((x.key().tonic() + 2) % 12, x.key().mode())));
        List<ChordEvent> c = new ArrayList<>();
        for (var x : f.chords()) c.add(new ChordEvent(x.startBeat(), x.durationBeats(), new io.producer.engine.score.Chord((x.chord().root() + 2) % 12, x.chord().quality())));
        List<VocalNote> n = new ArrayList<>();
        for (var x : f.notes())
            n.add(new VocalNote(x.startBeat(), x.durationBeats(), x.midi() + 2, x.velocity(), x.syllable(), x.phonemes(), x.wordIndex(), x.melisma(), x.stressed()));
        return new Composer.Fragment(s, c, f.words(), n);
    }

    private static int octaveShift(VocalPart old, Voice voice) {
        double mean = 0;
        for (VocalNote n : old.notes()) mean += n.midi();
        mean /= Math.max(1, old.notes().size());
        double center = (voice.lowMidi() + voice.highMidi()) / 2.0;
        return (int) Math.round((center - mean) / 12.0) * 12;
    }

    private static boolean sameWords(VocalPart part, Lyrics lyrics) {
        List<String> a = new ArrayList<>();
        for (var w : part.words()) a.add(w.text().toLowerCase());
        List<String> b = new ArrayList<>();
        lyrics.sections().forEach(s -> s.lines().forEach(l -> l.words().forEach(w -> b.add(w.text().toLowerCase()))));
        return a.equals(b);
    }

    /** An instrumental's cover keeps its tune: the source lead's notes, moved by octaves into the new lead's range. */
    private static Score keepTune(Score arranged, Score src) {
        Part oldLead = null;
        for (Part p : src.parts()) if (p.role() == PartRole.LEAD) { oldLead = p; break; }
        if (oldLead == null) return arranged;
        List<Part> parts = new ArrayList<>();
        boolean replaced = false;
        for (Part p : arranged.parts()) {
            if (p.role() == PartRole.LEAD && !replaced) {
                double oldMean = oldLead.notes().stream().mapToInt(Note::midi).average().orElse(60);
                double newMean = p.notes().stream().mapToInt(Note::midi).average().orElse(oldMean);
                int shift = (int) Math.round((newMean - oldMean) / 12.0) * 12;
                List<Note> notes = new ArrayList<>();
                for (Note n : oldLead.notes()) notes.add(new Note(n.startBeat(), n.durationBeats(), Math.max(0, Math.min(127, n.midi() + shift)), n.velocity()));
                parts.add(new Part(p.name(), p.role(), p.instrument(), notes, p.pan(), p.gainDb()));
                replaced = true;
            } else parts.add(p);
        }
        return new Score(arranged.formatVersion(), arranged.origin(), arranged.seed(), arranged.profile(), arranged.title(), arranged.style(),
                arranged.bpm(), arranged.meter(), arranged.key(), arranged.bars(), arranged.sections(), arranged.chords(), arranged.vocal(),
                parts, arranged.tailSeconds());
    }
}
