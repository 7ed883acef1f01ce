package io.producer.engine.render;

import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Stems;
import io.producer.engine.score.*;
import io.producer.engine.testing.ClickMeter;
import io.producer.engine.testing.TestScores;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RendererTest {
    private static final Renderer RENDERER = new Renderer(EngineOptions.defaults());

    private static Score withParts(Score base, List<Part> parts) {
        return new Score(base.formatVersion(), base.origin(), base.seed(), base.profile(), base.title(), base.style(), base.bpm(),
                base.meter(), base.key(), base.bars(), base.sections(), base.chords(), base.vocal(), parts, base.tailSeconds());
    }

    private static double rms(AudioBuffer b) {
        return Math.sqrt((Math.pow(SoundCheck.rms(b.left()), 2) + Math.pow(SoundCheck.rms(b.right()), 2)) / 2);
    }

    @Test void stemsHaveTheExactLengthAndRateAndCarryTheirParts() {
        Score score = TestScores.song(4, 120, false, List.of(), false);
        for (Profile p : List.of(Profile.FUZZ_2_0, Profile.FUZZ_2_0_PRO, Profile.FUZZ_1_0)) {
            Stems s = RENDERER.renderInstruments(score, p);
            int frames = (int) Math.round(score.durationSeconds() * p.sampleRate());
            for (AudioBuffer b : List.of(s.vocals(), s.drums(), s.bass(), s.other())) {
                assertEquals(p.sampleRate(), b.sampleRate());
                assertEquals(frames, b.frames());
            }
            assertEquals(0, rms(s.vocals()), p.mv());
            for (AudioBuffer b : List.of(s.drums(), s.bass(), s.other())) assertTrue(rms(b) > 0.01, p.mv() + " stem too quiet: " + rms(b));
            // Music, not noise: a decoded .sf3 or a broken synth gives flatness near 0.5.
            assertTrue(SoundCheck.spectralFlatness(s.other().left(), 0, s.other().frames()) < 0.2, "other stem is noise-like");
            assertTrue(SoundCheck.spectralFlatness(s.bass().left(), 0, s.bass().frames()) < 0.2, "bass stem is noise-like");
        }
    }

    @Test void rendersAreByteIdentical() {
        Score score = TestScores.song(4, 100, true, List.of(), false);
        Stems a = RENDERER.renderInstruments(score, Profile.FUZZ_2_0_PRO);
        Stems b = RENDERER.renderInstruments(score, Profile.FUZZ_2_0_PRO);
        assertArrayEquals(a.drums().left(), b.drums().left());
        assertArrayEquals(a.bass().right(), b.bass().right());
        assertArrayEquals(a.other().left(), b.other().left());
        assertArrayEquals(a.other().right(), b.other().right());
    }

    @Test void panPlacesAPartInTheStereoField() {
        Score base = TestScores.song(2, 120, false, List.of(), false);
        for (Instrument ins : List.of(Instrument.gm("flute", 73), Instrument.synth("pluck", "pluck"))) {
            Part left = new Part("lead", PartRole.LEAD, ins, base.parts().get(4).notes(), -1.0, 0);
            Stems s = RENDERER.renderInstruments(withParts(base, List.of(left)), Profile.FUZZ_2_0);
            double l = SoundCheck.rms(s.other().left()), r = SoundCheck.rms(s.other().right());
            assertTrue(l > 0.005, ins.id() + " silent");
            assertTrue(r < l * 0.05, ins.id() + " hard left leaks right: " + l + " / " + r);
            Part centre = new Part("lead", PartRole.LEAD, ins, base.parts().get(4).notes(), 0.0, 0);
            Stems c = RENDERER.renderInstruments(withParts(base, List.of(centre)), Profile.FUZZ_2_0);
            double cl = SoundCheck.rms(c.other().left()), cr = SoundCheck.rms(c.other().right());
            assertEquals(1.0, cl / cr, 0.35, ins.id() + " centre is unbalanced");
            // equal power: hard left carries the energy of both centred channels
            assertEquals(cl * cl + cr * cr, l * l + r * r, (cl * cl + cr * cr) * 0.3, ins.id());
        }
    }

    @Test void gainDbScalesThePart() {
        Score base = TestScores.song(2, 120, false, List.of(), false);
        Part loud = new Part("bass", PartRole.BASS, Instrument.gm("bass", 33), base.parts().get(1).notes(), 0, 0);
        Part quiet = new Part("bass", PartRole.BASS, Instrument.gm("bass", 33), base.parts().get(1).notes(), 0, -12);
        double a = rms(RENDERER.renderInstruments(withParts(base, List.of(loud)), Profile.FUZZ_2_0).bass());
        double b = rms(RENDERER.renderInstruments(withParts(base, List.of(quiet)), Profile.FUZZ_2_0).bass());
        assertEquals(-12, 20 * Math.log10(b / a), 0.1);
    }

    @Test void notesStartOnTime() {
        Score base = TestScores.song(2, 120, false, List.of(), false);
        for (Instrument ins : List.of(Instrument.gm("piano", 0), Instrument.synth("pluck", "pluck"), Instrument.drumKit("kit", 0))) {
            int midi = ins.drums() ? 38 : 60;
            Part p = new Part("p", ins.drums() ? PartRole.DRUMS : PartRole.HARMONY, ins, List.of(new Note(3, 1, midi, 110)), 0, 0);
            Stems s = RENDERER.renderInstruments(withParts(base, List.of(p)), Profile.FUZZ_2_0);
            float[] x = ins.drums() ? s.drums().left() : s.other().left();
            double peak = 0;
            for (float v : x) peak = Math.max(peak, Math.abs(v));
            int onset = 0;
            while (Math.abs(x[onset]) < peak * 0.02) onset++;
            double expected = 1.5 * 44100; // beat 3 at 120 bpm
            assertEquals(expected, onset, 44100 * 0.004, ins.id() + " onset at " + onset / 44100.0 + " s");
        }
    }

    @Test void everyEngineSynthMakesItsSound() {
        Score base = TestScores.song(2, 120, false, List.of(), false);
        List<Note> notes = List.of(new Note(0, 3, 57, 100), new Note(4, 3, 64, 100));
        for (String name : List.of("supersaw", "sub808", "pad", "pluck", "arp", "riser", "vinyl", "water", "wind", "chimes")) {
            PartRole role = name.equals("sub808") ? PartRole.BASS : PartRole.TEXTURE;
            Part p = new Part(name, role, Instrument.synth(name, name), notes, 0, 0);
            Stems s = RENDERER.renderInstruments(withParts(base, List.of(p)), Profile.FUZZ_2_0);
            AudioBuffer b = role == PartRole.BASS ? s.bass() : s.other();
            double level = rms(b);
            assertTrue(level > 0.002 && level < 0.5, name + " level " + level);
            for (float v : b.left()) assertTrue(Float.isFinite(v) && Math.abs(v) < 2, name + " sample out of range");
            // crackle is texture, not a click: unfiltered pops read 30 dB on the HF jump measure, now 15.5
            if (name.equals("vinyl")) assertTrue(ClickMeter.maxHfJumpDb(b) < 20, "vinyl crackle clicks: " + ClickMeter.maxHfJumpDb(b) + " dB");
            double flat = SoundCheck.spectralFlatness(b.left(), 0, b.frames());
            boolean tonal = !List.of("riser", "vinyl", "water", "wind").contains(name);
            if (tonal) assertTrue(flat < 0.15, name + " should be tonal, flatness " + flat);
            // silence after the notes have rung out (chimes ring longest)
            int tailStart = (int) (44100 * 7.5);
            double tail = 0;
            for (int i = tailStart; i < b.frames(); i++) tail = Math.max(tail, Math.abs(b.left()[i]));
            assertTrue(tail < 0.02, name + " still sounding at the end: " + tail);
        }
    }

    @Test void layersThickenMelodicPartsInLayeredProfiles() {
        Score base = TestScores.song(2, 120, false, List.of(), false);
        Part lead = new Part("lead", PartRole.LEAD, Instrument.gm("flute", 73), base.parts().get(4).notes(), 0, 0);
        Part bass = new Part("bass", PartRole.BASS, Instrument.gm("bass", 33), base.parts().get(1).notes(), 0, 0);
        Score s = withParts(base, List.of(lead, bass));
        Stems single = RENDERER.renderInstruments(s, Profile.FUZZ_1_1);
        Stems doubled = RENDERER.renderInstruments(s, Profile.FUZZ_1_1_PRO);
        // a second, detuned and slightly late player adds energy and changes the waveform
        double one = rms(single.other()), two = rms(doubled.other());
        assertTrue(two > one * 1.25, "layer adds no energy: " + one + " -> " + two);
        assertFalse(Arrays.equals(single.other().left(), doubled.other().left()));
        // bass is never doubled (only the interpolation differs between these profiles)
        double b1 = rms(single.bass()), b2 = rms(doubled.bass());
        assertEquals(1.0, b2 / b1, 0.05, "bass was layered");
    }

    @Test void withoutTheSoundFontTheBuiltInSoundSetStillPlays() {
        Renderer fallback = new Renderer(new EngineOptions(Path.of("/nonexistent/none.sf2")));
        Stems s = fallback.renderInstruments(TestScores.song(2, 120, false, List.of(), false), Profile.FUZZ_2_0);
        assertTrue(rms(s.other()) > 0.005);
        assertTrue(rms(s.drums()) > 0.005);
        assertTrue(SoundCheck.spectralFlatness(s.other().left(), 0, s.other().frames()) < 0.2);
    }

    @Test void aSoundFontThatPlaysNoiseIsRefused(@TempDir Path dir) throws Exception {
        Path noise = dir.resolve("noise.sf2");
        Files.write(noise, NoiseSoundFont.build());
        Renderer r = new Renderer(new EngineOptions(noise));
        var e = assertThrows(IllegalStateException.class, () -> r.renderInstruments(TestScores.song(1, 120, false, List.of(), false), Profile.FUZZ_2_0));
        assertTrue(e.getMessage().contains("noise") && e.getMessage().contains(".sf3") && e.getMessage().contains("fluid-soundfont-gm"), e.getMessage());
        // while the real SoundFont's piano passes the same check
        assertFalse(NoiseCheck.listen(SoundFontBank.forOptions(EngineOptions.defaults()), 0).noise());
    }

    @Test void overlappingRepeatsOfAPitchAreCutNotSilenced() {
        List<Note> notes = new ArrayList<>(List.of(new Note(0, 2, 60, 90), new Note(1, 2, 60, 90), new Note(1, 1, 64, 90), new Note(1, 1, 64, 80)));
        List<Note> out = Renderer.legato(notes);
        assertEquals(List.of(new Note(0, 1, 60, 90), new Note(1, 2, 60, 90), new Note(1, 1, 64, 80)),
                out.stream().sorted((a, b) -> a.startBeat() != b.startBeat() ? Double.compare(a.startBeat(), b.startBeat()) : Integer.compare(a.midi(), b.midi())).toList());
        assertTrue(Arrays.asList(out.toArray()).size() == 3);
    }

    @Test void tomFillsAndSynthBassNotesStartWithoutAClick() {
        // FluidR3's toms (standard and power kits) and its synth bass start on one steep wavefront: without
        // the part chain's Dispersion this fill reads 24-25 dB on the eval's HF jump measure (a splice reads
        // 24) and the bass note 31.6; with it 18.5-19.5 and 22.2.
        Score base = TestScores.song(2, 120, false, List.of(), false);
        List<Note> fill = new ArrayList<>();
        int[] toms = {50, 48, 47, 45, 43, 41};
        for (int i = 0; i < toms.length; i++) fill.add(new Note(2 + i * 0.25, 0.25, toms[i], 110));
        for (int kit : new int[]{0, 16}) {
            Part drums = new Part("drums", PartRole.DRUMS, Instrument.drumKit("drums", kit), fill, 0, 0);
            AudioBuffer b = RENDERER.renderInstruments(withParts(base, List.of(drums)), Profile.FUZZ_2_0).drums();
            assertTrue(rms(b) > 0.005, "kit " + kit + " silent");
            double hf = ClickMeter.maxHfJumpDb(b);
            assertTrue(hf < 21, "kit " + kit + " tom fill reads " + hf + " dB");
        }
        Part bass = new Part("bass", PartRole.BASS, Instrument.gm("bass", 38), List.of(new Note(2, 1, 36, 110), new Note(4, 1, 36, 110)), 0, 0);
        AudioBuffer b = RENDERER.renderInstruments(withParts(base, List.of(bass)), Profile.FUZZ_2_0).bass();
        assertTrue(rms(b) > 0.005, "synth bass silent");
        double hf = ClickMeter.maxHfJumpDb(b);
        // alone after digital silence it keeps more of its edge than in a song (house, techno and synthwave mixes read 19-20)
        assertTrue(hf < 24, "synth bass note reads " + hf + " dB");
    }
}
