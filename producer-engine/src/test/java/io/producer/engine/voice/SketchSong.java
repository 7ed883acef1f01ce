package io.producer.engine.voice;

import com.sun.speech.freetts.en.us.CMULexicon;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plain sung setting of lyrics for the singer's tests and measurements, independent of the
 * composer: words from FreeTTS's CMU lexicon, syllables by maximal onset, stressed syllables on
 * quarter notes and the rest on eighths, a stepwise tune in C major, two beats of rest per line.
 */
final class SketchSong {
    private SketchSong() {}

    private static final CMULexicon LEXICON;

    static {
        try {
            LEXICON = CMULexicon.getInstance(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Set<String> ONSETS = Set.of("P R", "P L", "B R", "B L", "T R", "D R", "K R", "K L", "G R", "G L",
            "F R", "F L", "TH R", "S T", "S P", "S K", "S L", "S M", "S N", "S W", "T W", "K W", "SH R", "D W");

    /** The tune: scale degrees around the middle of the range, in C major. */
    private static final int[] TUNE = {0, 2, 4, 2, 5, 4, 2, 0, 4, 5, 7, 5, 4, 2, 1, 0};
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};

    static Voice voice(Voice.Type type) {
        return switch (type) {
            case FEMALE, ALTO -> new Voice(type, 55, 77, List.of());
            case SOPRANO -> new Voice(type, 60, 84, List.of());
            default -> new Voice(type, 45, 67, List.of());
        };
    }

    static Score score(String lyrics, Voice voice, double bpm, double lyricsStrength, String seed) {
        return score(lyrics, voice, bpm, lyricsStrength, seed, false);
    }

    /**
     * {@code parlando}: each syllable lasts about as long as it is spoken (its phones' natural lengths,
     * rounded to sixteenths), as a composer setting words for clarity first would write them.
     */
    static Score score(String lyrics, Voice voice, double bpm, double lyricsStrength, String seed, boolean parlando) {
        int tonic = voice.lowMidi() + 5 - Math.floorMod(voice.lowMidi() + 5, 12); // a C near the bottom of the range
        if (tonic < voice.lowMidi()) tonic += 12;
        List<LyricWord> words = new ArrayList<>();
        List<VocalNote> notes = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        double beat = 4; // one bar of lead-in
        int line = 0, section = -1, tuneIndex = 0;
        String kind = "verse";
        int sectionStartBar = 1;
        for (String raw : lyrics.split("\n")) {
            String text = raw.trim();
            if (text.isEmpty()) continue;
            if (text.startsWith("[")) {
                if (section >= 0) {
                    int endBar = (int) Math.ceil(beat / 4);
                    sections.add(new Section(kind, kind, sectionStartBar, Math.max(1, endBar - sectionStartBar), 0.6, new Key(0, Key.Mode.MAJOR)));
                    sectionStartBar = endBar;
                    beat = endBar * 4;
                }
                section++;
                kind = text.toLowerCase(Locale.ROOT).contains("chorus") ? "chorus" : "verse";
                continue;
            }
            if (section < 0) section = 0;
            for (String w : text.split("[\\s]+")) {
                String clean = w.replaceAll("[^A-Za-z']", "");
                if (clean.isEmpty()) continue;
                int wordIndex = words.size();
                words.add(new LyricWord(w, line, section));
                for (List<String> syl : syllables(arpabet(clean))) {
                    boolean stressed = syl.stream().anyMatch(p -> p.endsWith("1"));
                    double len = stressed ? 1.0 : 0.5;
                    if (parlando) {
                        double spoken = 0;
                        for (String ph : syl) {
                            String k = Phone.fromArpabet(ph);
                            spoken += k != null && Phone.isVowel(k) ? (stressed ? 0.17 : 0.09) : Phone.consonantSeconds(k == null ? "" : k);
                        }
                        len = Math.max(0.25, Math.round(spoken * bpm / 60 * 4) / 4.0);
                    }
                    int degree = TUNE[tuneIndex++ % TUNE.length];
                    int midi = tonic + MAJOR[degree % 7] + 12 * (degree / 7);
                    notes.add(new VocalNote(beat, len * 0.95, midi, stressed ? 100 : 88, String.join("", syl), syl, wordIndex, false, stressed));
                    beat += len;
                }
            }
            // hold the last syllable of the line, then breathe
            VocalNote last = notes.remove(notes.size() - 1);
            notes.add(new VocalNote(last.startBeat(), parlando ? 0.95 : 1.9, last.midi(), last.velocity(), last.syllable(), last.phonemes(),
                    last.wordIndex(), false, last.stressed()));
            beat = last.startBeat() + (parlando ? 2 : 4);
            beat = Math.ceil(beat);
            line++;
        }
        int bars = (int) Math.ceil(beat / 4) + 1;
        sections.add(new Section(kind, kind, sectionStartBar, Math.max(1, bars - sectionStartBar), 0.6, new Key(0, Key.Mode.MAJOR)));
        List<ChordEvent> chords = new ArrayList<>();
        Chord[] cycle = {new Chord(0, ""), new Chord(9, "m"), new Chord(5, ""), new Chord(7, "")};
        for (int b = 0; b < bars; b++) chords.add(new ChordEvent(b * 4, 4, cycle[b % 4]));
        Style style = new Style(List.of(new Style.GenreWeight("pop", 1)), bpm, Meter.FOUR_FOUR, new Key(0, Key.Mode.MAJOR), 0.6,
                List.of(), voice, List.of(), List.of(), 0.5, 0.5, lyricsStrength);
        return new Score(Score.FORMAT_VERSION, "composed", seed, "FUZZ-2.0", "sketch", style, bpm, Meter.FOUR_FOUR,
                new Key(0, Key.Mode.MAJOR), bars, sections, chords, new VocalPart(voice, words, notes), List.of(), 1.5);
    }

    /** ARPAbet with stress digits for a word, from the CMU lexicon or its letter-to-sound rules. */
    static List<String> arpabet(String word) {
        String[] phones;
        synchronized (LEXICON) {
            phones = LEXICON.getPhones(word.toLowerCase(Locale.ROOT), null);
        }
        List<String> out = new ArrayList<>();
        if (phones == null) return out;
        for (String p : phones) {
            String s = p.toUpperCase(Locale.ROOT);
            if (s.equals("AX")) s = "AH0";
            else if (s.equals("PAU")) continue;
            else if (isVowelBase(s)) s = s + "0";
            out.add(s);
        }
        return out;
    }

    private static boolean isVowelBase(String s) {
        return Phone.isVowel(s.toLowerCase(Locale.ROOT));
    }

    private static boolean isVowel(String arpa) {
        return Character.isDigit(arpa.charAt(arpa.length() - 1));
    }

    static List<List<String>> syllables(List<String> phones) {
        List<Integer> vowels = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) if (isVowel(phones.get(i))) vowels.add(i);
        List<List<String>> out = new ArrayList<>();
        if (vowels.isEmpty()) {
            out.add(phones);
            return out;
        }
        int start = 0;
        for (int v = 0; v < vowels.size(); v++) {
            int end;
            if (v + 1 < vowels.size()) {
                int a = vowels.get(v) + 1, b = vowels.get(v + 1);
                int cluster = b - a;
                int toNext = cluster == 0 ? 0 : 1;
                if (cluster >= 2 && ONSETS.contains(phones.get(b - 2) + " " + phones.get(b - 1))) toNext = 2;
                end = b - toNext;
            } else {
                end = phones.size();
            }
            out.add(new ArrayList<>(phones.subList(start, end)));
            start = end;
        }
        return out;
    }
}
