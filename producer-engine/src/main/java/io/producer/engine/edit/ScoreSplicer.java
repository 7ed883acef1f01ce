package io.producer.engine.edit;

import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the bars [{@code fromBar}, {@code toBar}) of a score with new material {@code ins.bars()}
 * long; what follows moves by the difference. Sections, chords, sung notes and part notes that cross
 * a cut are shortened to it; words, lines and section indices are renumbered in singing order.
 */
public final class ScoreSplicer {
    private ScoreSplicer() {}

    /** New material positioned from {@code fromBar} (absolute beats of the new score; word indices from 0). */
    public record Insert(List<Section> sections, List<ChordEvent> chords, List<LyricWord> words, List<VocalNote> notes,
                         List<Part> parts, int bars) {}

    /** A note starting this close before a cut is a humanised note of the bar after it. */
    static final double JITTER = 0.04;

    public static Score splice(Score src, int fromBar, int toBar, Insert ins, Style style, Voice voice) {
        double bpb = src.meter().beatsPerBar();
        double from = fromBar * bpb, to = toBar * bpb;
        double fromJ = from - JITTER, toJ = to - JITTER;
        double shift = (ins.bars() - (toBar - fromBar)) * bpb;
        int barShift = ins.bars() - (toBar - fromBar);

        List<Section> sections = new ArrayList<>();
        for (Section s : src.sections()) {
            if (s.startBar() < fromBar) {
                int end = Math.min(s.endBar(), fromBar);
                sections.add(new Section(s.kind(), s.label(), s.startBar(), end - s.startBar(), s.energy(), s.key()));
            }
        }
        sections.addAll(ins.sections());
        for (Section s : src.sections()) {
            if (s.endBar() > toBar) {
                int start = Math.max(s.startBar(), toBar);
                sections.add(new Section(s.kind(), s.label(), start + barShift, s.endBar() - start, s.energy(), s.key()));
            }
        }

        List<ChordEvent> chords = new ArrayList<>();
        for (ChordEvent c : src.chords())
            if (c.startBeat() < from - 1e-9) chords.add(new ChordEvent(c.startBeat(), Math.min(c.endBeat(), from) - c.startBeat(), c.chord()));
        chords.addAll(ins.chords());
        for (ChordEvent c : src.chords())
            if (c.endBeat() > to + 1e-9) {
                double st = Math.max(c.startBeat(), to);
                chords.add(new ChordEvent(st + shift, c.endBeat() - st, c.chord()));
            }

        // vocal: notes before, inserted, after; words renumbered by first use
        List<LyricWord> words = new ArrayList<>();
        List<VocalNote> notes = new ArrayList<>();
        Map<Integer, Integer> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        List<LyricWord> srcWords = src.hasVocal() ? src.vocal().words() : List.of();
        if (src.hasVocal()) for (VocalNote n : src.vocal().notes()) {
            if (n.startBeat() < fromJ) {
                int w = before.computeIfAbsent(n.wordIndex(), k -> addWord(words, srcWords.get(k)));
                notes.add(n.endBeat() > from ? retime(n, n.startBeat(), from - n.startBeat(), w) : retime(n, n.startBeat(), n.durationBeats(), w));
            }
        }
        int base = words.size();
        for (LyricWord w : ins.words()) words.add(w);
        for (VocalNote n : ins.notes()) notes.add(retime(n, n.startBeat(), n.durationBeats(), n.wordIndex() + base));
        if (src.hasVocal()) for (VocalNote n : src.vocal().notes()) {
            if (n.startBeat() >= toJ) {
                int w = after.computeIfAbsent(n.wordIndex(), k -> addWord(words, srcWords.get(k)));
                notes.add(retime(n, n.startBeat() + shift, n.durationBeats(), w));
            }
        }
        List<LyricWord> renumbered = renumber(words, notes, sections, bpb);
        Voice v = voice != null ? voice : src.vocal() != null ? src.vocal().voice() : null;
        VocalPart vocal = new VocalPart(v, renumbered, notes);

        // parts by name, in first appearance order
        Map<String, Part> proto = new LinkedHashMap<>();
        Map<String, List<Note>> partNotes = new LinkedHashMap<>();
        for (Part p : src.parts()) {
            proto.putIfAbsent(p.name(), p);
            List<Note> l = partNotes.computeIfAbsent(p.name(), k -> new ArrayList<>());
            for (Note n : p.notes()) if (n.startBeat() < fromJ) l.add(n.endBeat() > from ? new Note(n.startBeat(), from - n.startBeat(), n.midi(), n.velocity()) : n);
        }
        for (Part p : ins.parts()) {
            proto.putIfAbsent(p.name(), p);
            partNotes.computeIfAbsent(p.name(), k -> new ArrayList<>()).addAll(p.notes());
        }
        for (Part p : src.parts()) {
            List<Note> l = partNotes.get(p.name());
            for (Note n : p.notes()) if (n.startBeat() >= toJ) l.add(shift == 0 ? n : new Note(Math.max(0, n.startBeat() + shift), n.durationBeats(), n.midi(), n.velocity()));
        }
        List<Part> parts = new ArrayList<>();
        for (var e : proto.entrySet()) {
            List<Note> l = partNotes.get(e.getKey());
            if (l.isEmpty()) continue;
            Part p = e.getValue();
            parts.add(new Part(p.name(), p.role(), p.instrument(), l, p.pan(), p.gainDb()));
        }
        return new Score(src.formatVersion(), src.origin(), src.seed(), src.profile(), src.title(), style, src.bpm(),
                src.meter(), src.key(), src.bars() + barShift, sections, chords, vocal, parts, src.tailSeconds());
    }

    private static int addWord(List<LyricWord> words, LyricWord w) {
        words.add(w);
        return words.size() - 1;
    }

    private static VocalNote retime(VocalNote n, double start, double dur, int word) {
        return new VocalNote(start, dur, n.midi(), n.velocity(), n.syllable(), n.phonemes(), word, n.melisma(), n.stressed());
    }

    /** Lines renumbered 0.. in order of appearance; section index from the bar each word is first sung in. */
    private static List<LyricWord> renumber(List<LyricWord> words, List<VocalNote> notes, List<Section> sections, double bpb) {
        double[] firstBeat = new double[words.size()];
        java.util.Arrays.fill(firstBeat, -1);
        for (VocalNote n : notes) if (firstBeat[n.wordIndex()] < 0) firstBeat[n.wordIndex()] = n.startBeat();
        List<LyricWord> out = new ArrayList<>(words.size());
        int line = -1;
        LyricWord prev = null;
        int prevSection = -1;
        for (int i = 0; i < words.size(); i++) {
            LyricWord w = words.get(i);
            int sec = sectionAt(sections, firstBeat[i] < 0 ? 0 : firstBeat[i] / bpb);
            if (prev == null || w.lineIndex() != prev.lineIndex() || sec != prevSection && !sameOrigin(prev, w)) line++;
            out.add(new LyricWord(w.text(), line, sec));
            prev = w;
            prevSection = sec;
        }
        return out;
    }

    private static boolean sameOrigin(LyricWord a, LyricWord b) {
        return a.lineIndex() == b.lineIndex() && a.sectionIndex() == b.sectionIndex();
    }

    private static int sectionAt(List<Section> sections, double bar) {
        for (int i = 0; i < sections.size(); i++) if (bar >= sections.get(i).startBar() && bar < sections.get(i).endBar()) return i;
        return Math.max(0, sections.size() - 1);
    }
}
