package io.producer.engine.testing;

import io.producer.engine.score.*;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;

/**
 * Small hand-written scores for the render, mix and file tests: a I–vi–IV–V song with drums, bass,
 * piano chords, a pad and a lead, optionally with engine synths and a sung melody.
 */
public final class TestScores {
    private TestScores() {}

    public static Style style(List<String> production) {
        return new Style(List.of(new Style.GenreWeight("pop", 1.0)), 120, Meter.FOUR_FOUR, new Key(0, Key.Mode.MAJOR), 0.7,
                List.of(), null, production, List.of(), 0.5, 0.0, 0.5);
    }

    /** {@code bars} bars at {@code bpm} of a full little arrangement; {@code synths} swaps some GM parts for engine synths. */
    public static Score song(int bars, double bpm, boolean synths, List<String> production, boolean vocal) {
        int[][] chords = {{0, 4, 7}, {9, 0, 4}, {5, 9, 0}, {7, 11, 2}};
        int[] roots = {0, 9, 5, 7};
        List<ChordEvent> chordEvents = new ArrayList<>();
        List<Note> drums = new ArrayList<>(), bass = new ArrayList<>(), keys = new ArrayList<>(), pad = new ArrayList<>(), lead = new ArrayList<>();
        int[] melody = {76, 74, 72, 74, 76, 76, 76, 79, 77, 76, 74, 72};
        for (int bar = 0; bar < bars; bar++) {
            double b0 = bar * 4.0;
            int c = bar % 4;
            chordEvents.add(new ChordEvent(b0, 4, new Chord(roots[c], c == 1 ? "m" : "")));
            for (int beat = 0; beat < 4; beat++) {
                drums.add(new Note(b0 + beat, 0.25, beat % 2 == 0 ? 36 : 38, beat % 2 == 0 ? 110 : 100));
                drums.add(new Note(b0 + beat, 0.2, 42, 70));
                drums.add(new Note(b0 + beat + 0.5, 0.2, 42, 55));
                bass.add(new Note(b0 + beat, 0.9, 36 + roots[c], 96));
            }
            for (int h = 0; h < 2; h++)
                for (int pc : chords[c]) keys.add(new Note(b0 + h * 2, 1.9, 60 + pc - (pc > 7 ? 12 : 0), 72));
            for (int pc : chords[c]) pad.add(new Note(b0, 4, 48 + pc, 60));
            for (int k = 0; k < 3; k++) lead.add(new Note(b0 + k * 1.5, 1.2, melody[(bar * 3 + k) % melody.length], 90));
        }
        if (bars > 0) drums.add(new Note(0, 1, 49, 100));
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("drums", PartRole.DRUMS, Instrument.drumKit("standard", 0), drums, 0, 0));
        parts.add(new Part("bass", PartRole.BASS, synths ? Instrument.synth("808", "sub808") : Instrument.gm("fingered bass", 33), bass, 0, 0));
        parts.add(new Part("piano", PartRole.HARMONY, Instrument.gm("piano", 0), keys, -0.4, -2));
        parts.add(new Part("pad", PartRole.PAD, synths ? Instrument.synth("pad", "pad") : Instrument.gm("strings", 48), pad, 0.3, -6));
        parts.add(new Part("lead", PartRole.LEAD, synths ? Instrument.synth("saw", "supersaw") : Instrument.gm("flute", 73), lead, 0.2, -3));
        List<Section> sections = new ArrayList<>();
        int half = Math.max(1, bars / 2);
        sections.add(new Section("verse", "Verse 1", 0, half, 0.5, new Key(0, Key.Mode.MAJOR)));
        if (bars > half) sections.add(new Section("chorus", "Chorus", half, bars - half, 0.9, new Key(0, Key.Mode.MAJOR)));
        VocalPart vp = vocal ? vocal(bars) : null;
        return new Score(Score.FORMAT_VERSION, "composed", "test-seed", "FUZZ-2.0", "Test Song", style(production), bpm,
                Meter.FOUR_FOUR, new Key(0, Key.Mode.MAJOR), bars, sections, chordEvents, vp, parts, 1.5);
    }

    static VocalPart vocal(int bars) {
        List<LyricWord> words = List.of(new LyricWord("hello", 0, 0), new LyricWord("world", 0, 0));
        List<VocalNote> notes = new ArrayList<>();
        notes.add(new VocalNote(0, 1, 67, 90, "hel", List.of("HH", "AH0"), 0, false, false));
        notes.add(new VocalNote(1, 1, 69, 90, "lo", List.of("L", "OW1"), 0, false, true));
        notes.add(new VocalNote(2, 1, 71, 90, "lo", List.of("OW1"), 0, true, true));
        notes.add(new VocalNote(3, 1, 72, 90, "world", List.of("W", "ER1", "L", "D"), 1, false, true));
        Voice v = new Voice(Voice.Type.FEMALE, 57, 79, List.of());
        return new VocalPart(v, words, notes);
    }
}
