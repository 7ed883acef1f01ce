package io.producer.engine.compose;

import io.producer.engine.SeedExamples;
import io.producer.engine.SongRequest;
import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.lyrics.SpokenTiming;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ComposerTest {
    static final String STARRY = "[Verse 1]\nStars they shine above me\nMoonlight softly glows\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite";
    private final LyricsReader lr = new LyricsReader();
    private final StyleReader sr = new StyleReader();
    private final Composer composer = new Composer();

    private Score compose(String sound, String lyrics, double lyricsStrength, boolean instrumental, String seed) {
        Lyrics l = lr.read(lyrics);
        Style s = sr.read(sound, null, !l.isEmpty(), instrumental, 0.5, 0.5, lyricsStrength, seed);
        return composer.compose(s, l, seed, "FUZZ-2.0", null);
    }

    @Test
    void clearLyricsAreSungLowerInTheVoicesRange() {
        // the rule under test moves the tune by up to 3 semitones; the clarity's smaller melodic range alone moves it well under 1
        for (String voice : List.of("female", "male")) {
            double clear = meanMidi(compose("pop with " + voice + " vocals", STARRY, 0.9, false, "hi"));
            double lyrical = meanMidi(compose("pop with " + voice + " vocals", STARRY, 0.3, false, "hi"));
            assertTrue(clear <= lyrical - 1.5, voice + " mean MIDI at lyrics_strength 0.9: " + clear + ", at 0.3: " + lyrical);
        }
        Score male = compose("pop with male vocals", STARRY, 0.9, false, "hi");
        assertTrue(medianMidi(male) >= male.vocal().voice().lowMidi() + 3, "a low voice keeps the middle of its range");
    }

    @Test
    void aClearChorusIsSungAsLowAsItsVerse() {
        // the female chorus lies 4 semitones over her verse (0.6 against 0.4 of her range); clear lyrics
        // bring it down to the verse, at the default strength it keeps its lift
        double clearLift = 0, defaultLift = 0;
        for (String seed : List.of("1", "2", "3")) {
            clearLift += chorusOverVerse(compose("pop with female vocals", STARRY, 0.9, false, seed));
            defaultLift += chorusOverVerse(compose("pop with female vocals", STARRY, 0.5, false, seed));
        }
        assertTrue(clearLift / 3 < 1, "chorus over verse at 0.9: " + clearLift / 3);
        assertTrue(defaultLift / 3 > 1.5, "chorus over verse at 0.5: " + defaultLift / 3);
    }

    /** Mean MIDI of the chorus notes minus that of the verse notes. */
    private static double chorusOverVerse(Score s) {
        double[] sum = new double[2], count = new double[2];
        for (Section sec : s.sections()) {
            int k = sec.kind().equals("chorus") ? 0 : sec.kind().equals("verse") ? 1 : -1;
            if (k < 0) continue;
            for (int[] note : melodyOf(s, sec)) {
                sum[k] += note[1];
                count[k]++;
            }
        }
        return sum[0] / count[0] - sum[1] / count[1];
    }

    private static double meanMidi(Score s) {
        return s.vocal().notes().stream().mapToDouble(VocalNote::midi).average().orElseThrow();
    }

    private static double medianMidi(Score s) {
        double[] m = s.vocal().notes().stream().mapToDouble(VocalNote::midi).sorted().toArray();
        return m[m.length / 2];
    }

    @Test
    void everyWordIsSungInOrderWithIntroAndOutro() {
        Score s = compose("pop", STARRY, 0.9, false, "a");
        Lyrics l = lr.read(STARRY);
        List<String> expected = new ArrayList<>();
        l.sections().forEach(sec -> sec.lines().forEach(line -> line.words().forEach(w -> expected.add(w.text()))));
        assertEquals(expected, s.vocal().words().stream().map(w -> w.text()).toList());
        int lastWord = -1;
        double lastEnd = 0;
        for (VocalNote n : s.vocal().notes()) {
            assertTrue(n.wordIndex() >= lastWord, "words in order");
            assertTrue(n.startBeat() >= lastEnd - 1e-9, "notes do not overlap");
            lastWord = n.wordIndex();
            lastEnd = n.endBeat();
        }
        assertEquals(expected.size() - 1, lastWord);
        assertEquals("intro", s.sections().get(0).kind());
        assertEquals("outro", s.sections().get(s.sections().size() - 1).kind());
        assertEquals(List.of("intro", "verse", "chorus", "verse", "chorus", "outro"), s.sections().stream().map(Section::kind).toList());
    }

    @Test
    void stressedSyllablesMostlyLandOnBeatsAndNotesStayInRange() {
        // the lyrical grid of 0.3 and the spoken rhythm of the default 0.5 alike
        for (double strength : new double[]{0.3, 0.5}) {
            Score s = compose("pop ballad", STARRY, strength, false, "b");
            Voice v = s.vocal().voice();
            int stressed = 0, onBeat = 0;
            for (VocalNote n : s.vocal().notes()) {
                assertTrue(n.midi() >= v.lowMidi() && n.midi() <= v.highMidi(), "in range: " + n.midi());
                if (n.stressed() && !n.melisma()) {
                    stressed++;
                    if (Math.abs(n.startBeat() - Math.rint(n.startBeat())) < 1e-9) onBeat++;
                }
            }
            assertTrue(stressed > 20 && onBeat >= 0.85 * stressed, strength + ": " + onBeat + " of " + stressed + " stressed syllables on a beat");
        }
    }

    @Test
    void clearLyricsAreSetAtSpeakingRhythmWithRestsNotHeldVowels() {
        for (String sound : List.of("pop", "pop ballad", "fast punk rock")) {
            Score clear = compose(sound, STARRY, 0.9, false, "r");
            Score lyrical = compose(sound, STARRY, 0.3, false, "r");
            double spb = 60 / clear.bpm();
            List<Double> secs = new ArrayList<>();
            for (VocalNote n : clear.vocal().notes()) {
                secs.add(n.durationBeats() * spb);
                assertTrue(n.durationBeats() * spb <= 0.62, sound + ": no syllable held beyond 0.6 s, got " + n.durationBeats() * spb);
            }
            double median = median(secs);
            assertTrue(median >= 0.12 && median <= 0.36, sound + ": median clear syllable " + median + " s");
            List<Double> lyricalSecs = new ArrayList<>();
            for (VocalNote n : lyrical.vocal().notes()) lyricalSecs.add(n.durationBeats() * 60 / lyrical.bpm());
            assertTrue(median(lyricalSecs) > median, sound + ": lyrics_strength 0.3 sings longer notes than 0.9");
        }
    }

    @Test
    void clearLyricsFollowTheSpokenRhythmWithEachLinesFirstStressOnABeat() {
        Score s = compose("pop", STARRY, 0.9, false, "s");
        double spb = 60 / s.bpm();
        List<VocalNote> notes = new ArrayList<>(s.vocal().notes());
        notes.sort(java.util.Comparator.comparingDouble(VocalNote::startBeat));
        int groups = 0, checked = 0, k = 0;
        while (k < notes.size()) {
            // one sung line: its notes, and the line as written, read again from its words
            int line = s.vocal().words().get(notes.get(k).wordIndex()).lineIndex();
            List<VocalNote> sung = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int lastWord = -1;
            for (; k < notes.size() && s.vocal().words().get(notes.get(k).wordIndex()).lineIndex() == line; k++) {
                VocalNote n = notes.get(k);
                if (n.melisma()) continue;
                sung.add(n);
                if (n.wordIndex() != lastWord) text.append(' ').append(s.vocal().words().get(n.wordIndex()).text());
                lastWord = n.wordIndex();
            }
            LyricLine written = lr.read(text.toString().trim()).sections().get(0).lines().get(0);
            SpokenTiming.Line said = SpokenTiming.of(written);
            groups++;
            if (said == null || said.size() != sung.size()) continue;
            checked++;
            int firstStress = -1;
            for (int i = 0; i < sung.size(); i++) {
                VocalNote n = sung.get(i);
                assertEquals(Math.rint(n.startBeat() * 8), n.startBeat() * 8, 1e-9, "on the 32nd grid");
                if (firstStress < 0 && n.stressed()) firstStress = i;
                if (i > 0) {
                    double sungGap = (n.startBeat() - sung.get(i - 1).startBeat()) * spb;
                    double spokenGap = said.vowelOnsets()[i] - said.vowelOnsets()[i - 1];
                    assertEquals(spokenGap, sungGap, 0.125 * spb + 1e-6, written.text() + ": syllable " + i + " as spoken");
                }
            }
            if (firstStress >= 0)
                assertEquals(Math.rint(sung.get(firstStress).startBeat()), sung.get(firstStress).startBeat(), 1e-9,
                        written.text() + ": first stress on a beat");
        }
        assertTrue(groups >= 8, "sung lines: " + groups);
        assertEquals(groups, checked, "every sung line has its spoken timing");
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    @Test
    void lineEndsAreChordTonesAndSectionsEndOnTheTonic() {
        Score s = compose("pop", STARRY, 0.9, false, "c");
        List<VocalNote> notes = s.vocal().notes();
        int ends = 0, chordTones = 0;
        for (int i = 0; i < notes.size(); i++) {
            boolean lineEnd = i + 1 == notes.size() || notes.get(i + 1).startBeat() - notes.get(i).endBeat() >= 0.99;
            if (!lineEnd) continue;
            ends++;
            if (MelodyWriter.isChordTone(Harmonizer.at(s.chords(), notes.get(i).startBeat()), notes.get(i).midi())) chordTones++;
        }
        assertTrue(ends >= 8);
        assertEquals(ends, chordTones, "every line cadences on a chord tone");
        assertEquals(s.key().tonic(), Math.floorMod(notes.get(notes.size() - 1).midi(), 12), "the song's last sung note is the tonic");
    }

    @Test
    void theRepeatedChorusRepeatsItsMelody() {
        Score s = compose("pop", STARRY, 0.5, false, "d");
        List<Section> choruses = s.sections().stream().filter(x -> x.kind().equals("chorus")).toList();
        assertEquals(2, choruses.size());
        List<int[]> a = melodyOf(s, choruses.get(0)), b = melodyOf(s, choruses.get(1));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i));
    }

    private static List<int[]> melodyOf(Score s, Section sec) {
        double start = sec.startBar() * s.meter().beatsPerBar(), end = sec.endBar() * s.meter().beatsPerBar();
        List<int[]> out = new ArrayList<>();
        for (VocalNote n : s.vocal().notes())
            if (n.startBeat() >= start && n.startBeat() < end) out.add(new int[]{(int) Math.round((n.startBeat() - start) * 4), n.midi()});
        return out;
    }

    @Test
    void aLineAsLongAsTheOneTwoUpRepeatsItsRhythm() {
        // on the lyrical grid (below MelodyWriter.SPOKEN_FROM) a hook is built by repetition
        Score s = compose("pop", HOOK, 0.3, false, "h");
        assertEquals(lineRhythm(s, 0), lineRhythm(s, 2), "lines 1 and 3 (six syllables each) share their rhythm");
    }

    @Test
    void aClearLineKeepsItsOwnRhythmWhereTheLineTwoUpIsAsLong() {
        // the same line first in its chorus, and third after a line as long with the same stresses
        String[] lines = HOOK.split("\n");
        String reordered = String.join("\n", lines[0], lines[3], lines[2], lines[1], lines[4]);
        List<Double> alone = lineRhythm(compose("pop", HOOK, 0.9, false, "h"), 0);
        List<Double> after = lineRhythm(compose("pop", reordered, 0.9, false, "h"), 2);
        assertEquals(alone, after, "\"" + lines[1] + "\" in its spoken rhythm wherever it stands");
    }

    private static final String HOOK = "[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way";

    /** The start beats of the chorus's {@code line}'s notes, from the line's start. */
    private static List<Double> lineRhythm(Score s, int line) {
        double bpb = s.meter().beatsPerBar();
        Section chorus = s.sections().get(1);
        double lineBeats = chorus.bars() * bpb / 4;
        List<Double> out = new ArrayList<>();
        for (VocalNote n : s.vocal().notes()) {
            double rel = n.startBeat() - chorus.startBar() * bpb;
            if ((int) Math.floor(rel / lineBeats + 1e-9) == line) out.add(rel - line * lineBeats);
        }
        return out;
    }

    @Test
    void clearLyricsMoveLessAndWeirdnessSyncopates() {
        double clear = 0, free = 0;
        long offBeatWeird = 0, offBeatTame = 0;
        for (String seed : List.of("1", "2", "3", "4")) {
            clear += meanLeap(compose("pop", STARRY, 0.95, false, seed));
            free += meanLeap(compose("pop", STARRY, 0.05, false, seed));
            Lyrics l = lr.read(STARRY);
            Score weird = composer.compose(sr.read("pop", null, true, false, 0.5, 0.95, 0.5, seed), l, seed, "FUZZ-2.0", null);
            Score tame = composer.compose(sr.read("pop", null, true, false, 0.5, 0.1, 0.5, seed), l, seed, "FUZZ-2.0", null);
            offBeatWeird += weird.vocal().notes().stream().filter(n -> n.stressed() && n.startBeat() % 0.5 != 0).count();
            offBeatTame += tame.vocal().notes().stream().filter(n -> n.stressed() && n.startBeat() % 0.5 != 0).count();
        }
        assertTrue(clear < free, "mean leap clear " + clear / 4 + " vs free " + free / 4);
        assertTrue(offBeatWeird > offBeatTame, offBeatWeird + " vs " + offBeatTame);
    }

    private static double meanLeap(Score s) {
        List<VocalNote> n = s.vocal().notes();
        double sum = 0;
        for (int i = 1; i < n.size(); i++) sum += Math.abs(n.get(i).midi() - n.get(i - 1).midi());
        return sum / (n.size() - 1);
    }

    @Test
    void melismasOnlyWithLowLyricsStrength() {
        long high = 0, low = 0;
        for (String seed : List.of("1", "2", "3")) {
            high += compose("slow soul ballad", STARRY, 0.9, false, seed).vocal().notes().stream().filter(VocalNote::melisma).count();
            low += compose("slow soul ballad", STARRY, 0.0, false, seed).vocal().notes().stream().filter(VocalNote::melisma).count();
        }
        assertEquals(0, high);
        assertTrue(low > 0);
    }

    @Test
    void rapIsASixteenthNoteFlowOnANarrowBand() {
        String bars = "[Verse 1]\nYeah, I'm on the rise, no surprise\nGrind every day, that's how I survive\nStacking up wins, living my best\nPut me to the test, I'll pass with finesse";
        Score s = compose("confident hip-hop rap vocal with rhythmic flow", bars, 0.5, false, "r");
        assertEquals(Voice.Type.RAP, s.vocal().voice().type());
        int min = 127, max = 0;
        long sixteenths = 0;
        for (VocalNote n : s.vocal().notes()) {
            min = Math.min(min, n.midi());
            max = Math.max(max, n.midi());
            if (n.durationBeats() <= 0.25 + 1e-9) sixteenths++;
        }
        assertTrue(max - min <= 9, "range " + (max - min));
        assertTrue(sixteenths > s.vocal().notes().size() / 2, sixteenths + " of " + s.vocal().notes().size());
    }

    @Test
    void wordlessVocalsStayOnTheLyricalGridWhateverTheLyricsStrength() {
        // vocables have no words to make out: a clear setting must not speak them. Spoken, notes start
        // on 32nds; on the lyrical grid, on 16ths at the finest
        for (double strength : new double[]{0.5, 0.9}) {
            Score wordless = compose("pop with female vocals", null, strength, false, "w");
            List<VocalNote> notes = wordless.vocal().notes();
            long off = notes.stream().filter(n -> Math.abs(n.startBeat() * 4 - Math.rint(n.startBeat() * 4)) > 1e-9).count();
            assertTrue(notes.size() > 20 && off == 0, strength + ": " + off + " of " + notes.size() + " vocables off the 16th grid");
        }
    }

    @Test
    void soundOnlyRequestsHaveANaturalLengthAndWordlessVocalsUnlessInstrumental() {
        for (String sound : SeedExamples.sounds()) {
            Score s = compose(sound, null, 0.5, false, "len");
            double sec = s.durationSeconds();
            assertTrue(sec >= 90 && sec <= 240, sound + ": " + sec + " s");
            assertTrue(s.hasVocal(), sound);
            assertTrue(s.vocal().notes().stream().allMatch(n -> List.of("oh", "ah", "la", "ooh").contains(n.syllable())), sound);
            assertFalse(compose(sound, null, 0.5, true, "len").hasVocal(), "instrumental: " + sound);
        }
    }

    @Test
    void keyChangeLiftsTheLastChorusAWholeStep() {
        Score s = compose("uplifting pop with a key change", STARRY, 0.5, false, "k");
        List<Section> choruses = s.sections().stream().filter(x -> x.kind().equals("chorus")).toList();
        assertEquals(s.key(), choruses.get(0).key());
        assertEquals((s.key().tonic() + 2) % 12, choruses.get(1).key().tonic());
    }

    @Test
    void chordsCoverTheWholeSongAndTheSongEndsOnTheTonic() {
        Score s = compose("smooth jazz lounge music", null, 0.5, true, "j");
        double t = 0;
        for (ChordEvent c : s.chords()) {
            assertEquals(t, c.startBeat(), 1e-9);
            t = c.endBeat();
        }
        assertEquals(s.lengthBeats(), t, 1e-9);
        assertEquals(s.key().tonic(), s.chords().get(s.chords().size() - 1).chord().root());
    }

    @Test
    void deterministicPerSeed() {
        assertEquals(compose("pop", STARRY, 0.5, false, "x"), compose("pop", STARRY, 0.5, false, "x"));
        assertNotEquals(compose("pop", STARRY, 0.5, false, "x").vocal(), compose("pop", STARRY, 0.5, false, "y").vocal());
    }

    @Test
    void requestsFromTheSeedCompose() {
        for (var n : SeedExamples.creates()) {
            SongRequest r = SeedExamples.toRequest(n, "seed");
            Lyrics l = lr.read(r.lyrics());
            Score s = composer.compose(sr.read(r, !l.isEmpty()), l, r.seed(), r.profile().mv(), r.title());
            assertEquals(!r.makeInstrumental(), s.hasVocal(), n.toString());
        }
    }
}
