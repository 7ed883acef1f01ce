package io.producer.engine.edit;

import io.producer.engine.Profile;
import io.producer.engine.SongRequest;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.Score;
import io.producer.engine.score.ScoreJson;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.Voice;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EditsTest {
    static final String LYRICS = "[Verse 1]\nWalking down these empty streets\nCity lights and concrete\nSearching for a place to be\nSomewhere I can feel free\n\n[Chorus]\nTake me away from here\nTo a place with no fear\nWhere I can finally breathe\nAnd be who I want to be";
    private final Edits edits = new Edits();

    static SongRequest req(String sound, String lyrics, String seed, double coverStrength) {
        return new SongRequest(sound, lyrics, null, Profile.DEFAULT, seed, false, 0.5, 0.5, 0.5, coverStrength);
    }

    static Score source() {
        SongRequest r = req("indie rock with jangly guitars and melodic vocals", LYRICS, "src", 0.5);
        Lyrics l = new LyricsReader().read(r.lyrics());
        return new Arranger().arrange(new Composer().compose(new StyleReader().read(r, true), l, r.seed(), r.profile().mv(), "City Lights"), r.profile());
    }

    static List<Note> notesBefore(Part p, double beat) {
        return p.notes().stream().filter(n -> n.endBeat() <= beat - 0.05).toList(); // notes that cross the cut are shortened to it
    }

    @Test
    void extendKeepsTheBarsBeforeTheCutAndSingsTheNewLyricsAfter() {
        Score src = source();
        double barSec = src.beatToSeconds(4);
        Edits.Edited e = edits.extend(src, req("build intensity with layered guitars and driving drums",
                "[Bridge]\nEvery step I take\nEvery move I make\nBrings me closer to\nThe person I've been meant to be", "ext", 0.5), 10 * barSec + 0.3, Profile.DEFAULT);
        Score out = e.score();
        assertEquals(10, e.window().fromBar());
        double cut = 40;
        for (Part p : src.parts()) {
            Part q = out.parts().stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null);
            assertEquals(notesBefore(p, cut), q == null ? List.of() : notesBefore(q, cut), p.name());
        }
        assertEquals(src.key(), out.key());
        assertEquals(src.bpm(), out.bpm());
        List<String> words = out.vocal().words().stream().map(LyricWord::text).toList();
        assertEquals("Every", words.get(words.indexOf("step") - 1));
        assertEquals("be", words.get(words.size() - 1));
        assertEquals("outro", out.sections().get(out.sections().size() - 1).kind());
        int bar = 0;
        for (Section s : out.sections()) {
            assertEquals(bar, s.startBar());
            bar = s.endBar();
        }
        assertEquals(out.bars(), bar);
        assertEquals(out, ScoreJson.read(ScoreJson.write(out)));
    }

    @Test
    void extendWithoutLyricsPlaysASoloAndTheChorusAgain() {
        Score src = source();
        Score out = edits.extend(src, req("explosive guitar solo with wah-wah effect, building to a powerful final chorus", null, "x", 0.5), 60, Profile.DEFAULT).score();
        assertTrue(out.sections().stream().anyMatch(s -> s.kind().equals("solo")));
        long chorusWordsBefore = src.vocal().words().stream().filter(w -> w.text().equals("fear")).count();
        long chorusWordsAfter = out.vocal().words().stream().filter(w -> w.text().equals("fear")).count();
        assertTrue(chorusWordsAfter > 0 && chorusWordsAfter >= Math.min(1, chorusWordsBefore));
    }

    @Test
    void replaceChangesOnlyTheWindow() {
        Score src = source();
        double barSec = src.beatToSeconds(4);
        Edits.Edited e = edits.replace(src, req("uplifting major key change with gospel choir backing vocals and powerful dynamics",
                "[Chorus - New]\nWe will rise above it all\nStanding strong and standing tall", "rep", 0.5), 6 * barSec, 14 * barSec, Profile.DEFAULT);
        Score out = e.score();
        assertEquals(6, e.window().fromBar());
        assertEquals(14, e.window().toBar());
        assertEquals(8, e.window().newBars());
        assertEquals(src.bars(), out.bars());
        double a = 24, b = 56;
        for (Part p : src.parts()) {
            Part q = out.parts().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
            assertEquals(notesBefore(p, a), notesBefore(q, a), p.name());
            assertEquals(p.notes().stream().filter(n -> n.startBeat() >= b).toList(), q.notes().stream().filter(n -> n.startBeat() >= b).toList());
        }
        List<VocalNote> inWindow = out.vocal().notes().stream().filter(n -> n.startBeat() >= a && n.startBeat() < b).toList();
        assertFalse(inWindow.isEmpty());
        assertEquals("We", out.vocal().words().get(inWindow.get(0).wordIndex()).text());
        Section lifted = out.sections().stream().filter(s -> s.label().equals("Chorus - New")).findFirst().orElseThrow();
        assertEquals((src.key().tonic() + 2) % 12, lifted.key().tonic(), "the key change lifts the new chorus");
    }

    @Test
    void swapVocalsKeepsPartsAndHarmony() {
        Score src = source();
        Score out = edits.swapVocals(src, req("classical opera soprano with powerful vibrato and dramatic theatrical delivery, Italian bel canto technique",
                "[Aria]\nAmore mio eterno\nCuore che batte forte\nVita della mia vita\nAnima della mia anima", "sw", 0.8));
        assertEquals(src.parts(), out.parts());
        assertEquals(src.chords(), out.chords());
        assertEquals(src.seed(), out.seed(), "the renderer's random streams stay the source's");
        assertEquals(Voice.Type.SOPRANO, out.vocal().voice().type());
        assertEquals("Amore", out.vocal().words().get(0).text());
        assertEquals(15, out.vocal().words().size());
        for (VocalNote n : out.vocal().notes()) assertTrue(n.endBeat() <= src.lengthBeats() + 1e-9);
    }

    @Test
    void swapSoundKeepsTheVocalPart() {
        Score src = source();
        Score out = edits.swapSound(src, req("full symphonic orchestra with lush string arrangements, French horns, woodwinds, and timpani, cinematic film score style", null, "ss", 0.9), Profile.DEFAULT);
        assertEquals(src.vocal(), out.vocal());
        assertEquals(src.bpm(), out.bpm());
        assertEquals(src.chords(), out.chords());
        assertEquals("orchestral", out.style().mainGenre());
        assertTrue(out.parts().stream().anyMatch(p -> p.instrument().gmProgram() == 60), "french horns");
    }

    @Test
    void coverStrengthMovesTempoAndHarmony() {
        Score src = source();
        Score near = edits.cover(src, req("stripped down acoustic version with fingerpicked guitar and raw male vocal", null, "c", 0.2), Profile.DEFAULT);
        Score far = edits.cover(src, req("modern electronic pop remix with synthesizers, vocoder effects, dance beat, and club-ready production", null, "c", 1.0), Profile.DEFAULT);
        assertEquals(src.bpm(), near.bpm());
        assertEquals(src.chords(), near.chords());
        assertNotEquals(src.chords(), far.chords());
        assertEquals(src.sections().size(), far.sections().size());
        assertEquals(src.vocal().words(), near.vocal().words());
        assertTrue(far.vocal().voice().has("vocoder"));
    }

    @Test
    void coverWithNewLyricsFollowsTheOldContour() {
        Score src = source();
        Score out = edits.cover(src, req("emotional female ballad with piano accompaniment and soft strings, intimate and heartfelt performance",
                "[Verse 1]\nIn the quiet of the evening\nWhen the world slows down\nI hear your voice calling\nThrough the silence all around\n\n[Chorus]\nYou're my everything\nMy reason to believe\nIn this crazy world\nYou're all I need", "c", 0.8), Profile.DEFAULT);
        assertEquals("In", out.vocal().words().get(0).text());
        assertEquals(Voice.Type.FEMALE, out.vocal().voice().type());
        assertEquals(src.bars(), out.bars());
    }

    @Test
    void variationIsAnotherSongOfTheSameStyle() {
        Score src = source();
        Score v = edits.variation(src, req(null, null, "12345", 0.5), Profile.DEFAULT);
        assertEquals(src.style(), v.style());
        assertEquals(src.vocal().words().stream().map(LyricWord::text).toList(), v.vocal().words().stream().map(LyricWord::text).toList());
        assertNotEquals(src.vocal().notes(), v.vocal().notes());
    }

    @Test
    void anAnalysedScoreCanBeReplacedCoveredAndExtendedOnItsChords() {
        Score c = source();
        Score analysed = new Score(c.formatVersion(), "analysed", "up", c.profile(), null, c.style(), c.bpm(), c.meter(), c.key(), c.bars(),
                c.sections(), c.chords(), Composer.silentVocal(), List.of(), 0.5);
        Edits.Edited rep = edits.replace(analysed, req("gradual fade out with ambient reverb and ethereal soundscape", null, "r", 0.5), 20, null, Profile.DEFAULT);
        double from = rep.window().fromBar() * 4.0;
        assertFalse(rep.score().parts().isEmpty());
        for (Part p : rep.score().parts()) for (Note n : p.notes()) assertTrue(n.startBeat() >= from - 0.05, "parts only in the new window");
        Score cov = edits.cover(analysed, req("classic reggae riddim with one-drop drum pattern", null, "c", 0.9), Profile.DEFAULT);
        assertEquals(analysed.chords(), cov.chords(), "an upload's cover follows its chords");
        assertEquals("reggae", cov.style().mainGenre());
        Score ext = edits.extend(analysed, req("uplifting orchestral build", null, "e", 0.5), 30, Profile.DEFAULT).score();
        assertTrue(ext.bars() > barAt30(analysed), "new bars after the kept ones");
        assertEquals(analysed.key(), ext.key());
    }

    private static int barAt30(Score s) {
        return Edits.barAt(s, 30, 1, s.bars());
    }

    @Test
    void excerptIsAShortScoreOfItsOwn() {
        Score src = source();
        Score ex = Excerpt.of(src, 4, 8);
        assertEquals(8, ex.bars());
        assertEquals(0, ex.sections().get(0).startBar());
        assertEquals(0.0, ex.chords().get(0).startBeat());
        for (Part p : ex.parts()) for (Note n : p.notes()) assertTrue(n.startBeat() >= -1e-9 && n.startBeat() < 32);
    }
}
