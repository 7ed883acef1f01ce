package io.producer.engine.arrange;

import io.producer.engine.Profile;
import io.producer.engine.SeedExamples;
import io.producer.engine.SongRequest;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class ArrangerTest {
    private final LyricsReader lr = new LyricsReader();
    private final StyleReader sr = new StyleReader();

    private Score song(String sound, String lyrics, boolean instrumental, Profile profile) {
        return song(sound, lyrics, instrumental, profile, 0.5);
    }

    private Score song(String sound, String lyrics, boolean instrumental, Profile profile, double lyricsStrength) {
        Lyrics l = lr.read(lyrics);
        Style s = sr.read(sound, null, !l.isEmpty(), instrumental, 0.5, 0.5, lyricsStrength, "arr");
        return new Arranger().arrange(new Composer().compose(s, l, "arr", profile.mv(), null), profile);
    }

    private static Part part(Score s, PartRole role) {
        return s.parts().stream().filter(p -> p.role() == role).findFirst().orElseThrow(() -> new AssertionError("no " + role + " in " + s.parts().stream().map(Part::name).toList()));
    }

    private static List<Note> in(Score s, Part p, Section sec) {
        double bpb = s.meter().beatsPerBar();
        return p.notes().stream().filter(n -> n.startBeat() >= sec.startBar() * bpb - 0.05 && n.startBeat() < sec.endBar() * bpb - 0.05).toList();
    }

    @Test
    void edmDropsHaveFourOnTheFloorAndBuildsHaveRisers() {
        Score s = song("upbeat electronic dance music with euphoric buildups and drops", null, true, Profile.DEFAULT);
        Part drums = part(s, PartRole.DRUMS);
        Section drop = s.sections().stream().filter(x -> x.kind().equals("drop")).findFirst().orElseThrow();
        Set<Long> kickBeats = new TreeSet<>();
        for (Note n : in(s, drums, drop)) if (n.midi() == Groove.KICK) kickBeats.add(Math.round(n.startBeat()));
        assertEquals(drop.bars() * 4, kickBeats.size(), "a kick on every beat of the drop");
        assertTrue(s.parts().stream().anyMatch(p -> p.name().equals("riser")));
        assertEquals("supersaw", part(s, PartRole.HARMONY).instrument().synth());
    }

    @Test
    void reggaeIsOneDropWithSkanks() {
        Score s = song("classic reggae riddim with offbeat guitar skanks, deep dub bass, one-drop drum pattern, and organ stabs", null, true, Profile.DEFAULT);
        Part drums = part(s, PartRole.DRUMS);
        Section verse = s.sections().stream().filter(x -> x.energy() > 0.4 && !x.kind().equals("intro")).findFirst().orElseThrow();
        long kicksOnOne = 0, kicksOnThree = 0;
        for (Note n : in(s, drums, verse)) {
            if (n.midi() != Groove.KICK) continue;
            double inBar = Math.floorMod(Math.round(n.startBeat() * 4), 16) / 4.0;
            if (inBar == 0) kicksOnOne++;
            if (inBar == 2) kicksOnThree++;
        }
        assertEquals(0, kicksOnOne, "one drop: beat one is empty");
        assertTrue(kicksOnThree >= verse.bars() - 1);
        Part comp = part(s, PartRole.HARMONY);
        long offbeats = in(s, comp, verse).stream().filter(n -> Math.abs((n.startBeat() % 1) - 0.5) < 0.1).count();
        assertTrue(offbeats > 0.8 * in(s, comp, verse).size(), "skanks on the off-beats");
    }

    @Test
    void jazzWalksAndSwingsOnBrushes() {
        Score s = song("smooth jazz lounge music with sultry saxophone, soft piano chords, brushed drums, and upright bass", null, true, Profile.DEFAULT);
        assertEquals(40, part(s, PartRole.DRUMS).instrument().gmProgram(), "brush kit");
        assertEquals(32, part(s, PartRole.BASS).instrument().gmProgram(), "upright bass");
        assertEquals(66, part(s, PartRole.LEAD).instrument().gmProgram(), "tenor sax leads");
    }

    @Test
    void orchestralHasStringsBrassAndTimpaniButNoDrumKitBackbeat() {
        Score s = song("cinematic orchestral score with soaring strings, powerful brass section, epic percussion, and dramatic crescendos perfect for movie trailer", null, true, Profile.DEFAULT);
        Set<Integer> programs = new TreeSet<>();
        for (Part p : s.parts()) if (!p.instrument().drums()) programs.add(p.instrument().gmProgram());
        assertTrue(programs.contains(48) || programs.contains(49), "strings " + programs);
        assertTrue(programs.contains(61), "brass " + programs);
        assertTrue(programs.contains(47), "timpani " + programs);
        // a concert snare may roll through builds, but no section keeps a backbeat
        Part drums = part(s, PartRole.DRUMS);
        for (Section sec : s.sections()) {
            if (sec.kind().equals("build")) continue;
            long backbeats = in(s, drums, sec).stream().filter(n -> n.midi() == Groove.SNARE && Math.abs(n.startBeat() % 2 - 1) < 0.05).count();
            assertTrue(backbeats <= 1, sec + ": " + backbeats);
        }
    }

    @Test
    void densityFollowsEnergyAndIntrosAreNotSilent() {
        for (var n : SeedExamples.creates()) {
            SongRequest r = SeedExamples.toRequest(n, "dens");
            Lyrics l = lr.read(r.lyrics());
            Score s = new Arranger().arrange(new Composer().compose(sr.read(r, !l.isEmpty()), l, r.seed(), r.profile().mv(), null), r.profile());
            Section intro = s.sections().get(0);
            long introNotes = s.parts().stream().mapToLong(p -> in(s, p, intro).size()).sum();
            assertTrue(introNotes > 0, "silent intro: " + r.sound());
            Section loudest = s.sections().stream().max((a, b) -> Double.compare(a.energy(), b.energy())).orElseThrow();
            double loudDensity = s.parts().stream().mapToLong(p -> in(s, p, loudest).size()).sum() / (double) loudest.bars();
            assertTrue(loudDensity > introNotes / (double) intro.bars(), "fuller at the peak than in the intro: " + r.sound());
            for (Part p : s.parts()) {
                assertTrue(p.instrument().gmProgram() >= 0 && p.instrument().gmProgram() < 128);
                if (p.instrument().drums()) for (Note x : p.notes()) assertTrue(x.midi() >= 35 && x.midi() <= 81, "GM kit note " + x.midi());
            }
        }
    }

    @Test
    void profileLevelDecidesHowMuchIsPlayed() {
        String sound = "modern pop ballad with emotional piano and strings";
        String lyrics = "[Verse 1]\nLooking at your photograph\nMemories come rushing back\n\n[Chorus]\nI miss you every day";
        Score basic = song(sound, lyrics, false, Profile.FUZZ_0_8);
        Score full = song(sound, lyrics, false, Profile.FUZZ_2_0);
        Set<PartRole> basicRoles = new TreeSet<>();
        basic.parts().forEach(p -> basicRoles.add(p.role()));
        assertTrue(Set.of(PartRole.DRUMS, PartRole.BASS, PartRole.HARMONY).containsAll(basicRoles), basicRoles.toString());
        assertTrue(full.parts().size() > basic.parts().size());
        assertTrue(full.parts().stream().anyMatch(p -> p.role() == PartRole.COUNTER_MELODY || p.role() == PartRole.PAD));
    }

    @Test
    void texturesFromCues() {
        Score lofi = song("chill lofi hip hop with soft piano and vinyl crackle", null, true, Profile.DEFAULT);
        assertTrue(lofi.parts().stream().anyMatch(p -> "vinyl".equals(p.instrument().synth())));
        Score ambient = song("peaceful ambient meditation music with soft piano melodies, gentle nature sounds, flowing water", null, true, Profile.DEFAULT);
        assertTrue(ambient.parts().stream().anyMatch(p -> "water".equals(p.instrument().synth())));
        Score noDsp = song("peaceful ambient meditation music with flowing water", null, true, Profile.FUZZ_1_0);
        assertTrue(noDsp.parts().stream().noneMatch(p -> p.instrument().synth() != null), "profiles without DSP synths use GM programs");
    }

    @Test
    void anInstrumentsMelodyIsNeverSetInASpokenRhythm() {
        // lyrics_strength sets sung lines in their spoken rhythm, on 32nds; a lead instrument keeps the
        // lyrical grid (electronic parts are humanised by at most 0.002 beats)
        for (double strength : new double[]{0.5, 0.9}) {
            Score s = song("upbeat electronic dance music with energetic synths", null, true, Profile.DEFAULT, strength);
            List<Note> lead = part(s, PartRole.LEAD).notes();
            long off = offSixteenths(lead, 0.05);
            assertTrue(lead.size() > 20 && off == 0, strength + ": " + off + " of " + lead.size() + " lead notes off the 16th grid");
        }
    }

    @Test
    void humanisedButDeterministic() {
        Score a = song("indie rock with jangly guitars", null, true, Profile.DEFAULT), b = song("indie rock with jangly guitars", null, true, Profile.DEFAULT);
        assertEquals(a, b);
        long offGrid = offSixteenths(part(a, PartRole.HARMONY).notes(), 1e-6);
        assertTrue(offGrid > 0, "live genres are not quantised to the grid");
    }

    /** How many of {@code notes} start more than {@code tolerance} sixteenths off the 16th grid. */
    private static long offSixteenths(List<Note> notes, double tolerance) {
        return notes.stream().filter(n -> Math.abs(n.startBeat() * 4 - Math.rint(n.startBeat() * 4)) > tolerance).count();
    }

    /** Mean velocity of a part's notes that start on a beat, and of those that start between beats. */
    private static double[] onOffBeatVelocity(Part p) {
        double on = 0, off = 0;
        int nOn = 0, nOff = 0;
        for (Note n : p.notes()) {
            double frac = n.startBeat() - Math.floor(n.startBeat());
            if (frac < 0.1 || frac > 0.9) { on += n.velocity(); nOn++; } else { off += n.velocity(); nOff++; }
        }
        return new double[]{on / Math.max(1, nOn), off / Math.max(1, nOff), nOff};
    }

    @Test
    void aSlowBalladLeansOnTheBeatAndAFastSongDoesNot() {
        // at 73 BPM an even eighth-note arpeggio would be heard as the beat; at 130 it is just motion
        Score slow = song("emotional ballad with piano accompaniment, 72 bpm", null, true, Profile.DEFAULT);
        Score fast = song("emotional ballad with piano accompaniment, 130 bpm", null, true, Profile.DEFAULT);
        double[] s = onOffBeatVelocity(part(slow, PartRole.HARMONY));
        double[] f = onOffBeatVelocity(part(fast, PartRole.HARMONY));
        assertTrue(s[2] > 20 && f[2] > 20, "both arpeggiate between beats");
        assertTrue(s[1] < 0.6 * s[0], "slow: off-beats " + s[1] + " vs beats " + s[0]);
        assertTrue(f[1] > 0.75 * f[0], "fast: off-beats " + f[1] + " vs beats " + f[0]);
    }

    @Test
    void slowOrchestralMusicWithoutAKitGetsAPluckOnEveryBeat() {
        Score s = song("cinematic orchestral score with soaring strings, 78 bpm", null, true, Profile.DEFAULT);
        Part pulse = s.parts().stream().filter(p -> p.name().equals("harp_pulse")).findFirst()
                .orElseThrow(() -> new AssertionError("no beat pulse in " + s.parts().stream().map(Part::name).toList()));
        Set<Long> beats = new TreeSet<>();
        for (Note n : pulse.notes()) beats.add(Math.round(n.startBeat()));
        assertEquals(Math.round(s.bars() * s.meter().beatsPerBar()), beats.size(), "a pluck on every beat of the song");
        Score fast = song("cinematic orchestral score with soaring strings, 120 bpm", null, true, Profile.DEFAULT);
        assertTrue(fast.parts().stream().noneMatch(p -> p.name().equals("harp_pulse")), "no pulse where the tempo carries itself");
    }
}
