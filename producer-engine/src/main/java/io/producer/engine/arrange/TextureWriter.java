package io.producer.engine.arrange;

import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Instrument;
import io.producer.engine.score.Key;
import io.producer.engine.score.PartRole;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Timpani, textures and effects: vinyl crackle, water, wind and wind chimes from the prompt's cues,
 * risers into drops and choruses, glitch stutters. Textures are the engine's DSP synths; profiles
 * without them get the nearest General MIDI sound (seashore 122 for noise beds, crystal 98 for chimes,
 * sweep pad 95 for risers).
 */
final class TextureWriter {
    private TextureWriter() {}

    record Texture(String name, PartRole role, Instrument instrument, double pan, double gainDb) {}

    static List<Texture> textures(Style style, boolean dsp) {
        List<Texture> out = new ArrayList<>();
        if (style.has("vinyl_crackle"))
            out.add(new Texture("vinyl", PartRole.TEXTURE, dsp ? Instrument.synth("vinyl", "vinyl") : Instrument.gm("vinyl", 122), 0, -16));
        if (style.has("water") || style.has("nature"))
            out.add(new Texture("water", PartRole.TEXTURE, dsp ? Instrument.synth("water", "water") : Instrument.gm("water", 122), -0.2, -14));
        if (style.has("wind") || style.has("nature"))
            out.add(new Texture("wind", PartRole.TEXTURE, dsp ? Instrument.synth("wind", "wind") : Instrument.gm("wind", 122), 0.2, -16));
        if (style.has("wind_chimes"))
            out.add(new Texture("chimes", PartRole.TEXTURE, dsp ? Instrument.synth("chimes", "chimes") : Instrument.gm("chimes", 98), 0.4, -12));
        if (style.has("buildups_drops") || style.has("crescendo") && PaletteChooser.electronic(style.mainGenre()))
            out.add(new Texture("riser", PartRole.FX, dsp ? Instrument.synth("riser", "riser") : Instrument.gm("riser", 95), 0, -10));
        if (style.has("glitch"))
            out.add(new Texture("glitch", PartRole.FX, dsp ? Instrument.synth("glitch", "pluck") : Instrument.gm("glitch", 81), 0.3, -10));
        return out;
    }

    static Notes write(Texture t, List<SectionView> sections, List<ChordEvent> chords, Key key, SplittableRandom rnd) {
        Notes n = new Notes();
        switch (t.name()) {
            case "vinyl", "water", "wind" -> {
                // one held note per section: the synth makes the sound, velocity follows the section
                for (SectionView s : sections) n.add(s.startBeat(), s.lengthBeats(), 60, (int) (55 + 25 * (1 - s.energy())));
            }
            case "chimes" -> {
                int[] penta = {0, 2, 4, 7, 9};
                for (SectionView s : sections) {
                    if (s.energy() > 0.7) continue;
                    for (double b = s.startBeat(); b < s.endBeat(); b += 0.5 + rnd.nextDouble() * 2.5) {
                        int m = 72 + key.tonic() + penta[rnd.nextInt(penta.length)] + (rnd.nextBoolean() ? 12 : 0);
                        n.add(b, 3.0, Math.min(108, m), 40 + rnd.nextInt(35));
                    }
                }
            }
            case "riser" -> {
                for (SectionView s : sections) {
                    boolean into = s.next() != null && (s.next().kind().equals("drop") || s.next().kind().equals("chorus") && s.kind().equals("build"));
                    if (s.kind().equals("build") || into) {
                        double len = s.kind().equals("build") ? s.lengthBeats() : Math.min(s.lengthBeats(), 2 * s.beatsPerBar());
                        n.add(s.endBeat() - len, len, 60 + key.tonic(), 90);
                    }
                }
            }
            case "glitch" -> {
                for (SectionView s : sections) {
                    if (s.energy() < 0.4) continue;
                    for (int bar = 1; bar < s.bars(); bar += 2) {
                        double b0 = s.startBeat() + bar * s.beatsPerBar() + s.beatsPerBar() - 1;
                        int m = 72 + key.tonic() + (rnd.nextBoolean() ? 7 : 0);
                        int reps = 2 + rnd.nextInt(5);
                        for (int i = 0; i < reps; i++) n.add(b0 + i * 0.125, 0.06, m, 70 + rnd.nextInt(30));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown texture " + t.name());
        }
        return n;
    }

    /** Timpani: a hit on the root at each loud section start, a roll into lifted sections. */
    static Notes timpani(List<SectionView> sections, List<ChordEvent> chords, Key key) {
        Notes n = new Notes();
        for (SectionView s : sections) {
            int root = 41 + Math.floorMod(s.section().key().tonic() - 5, 12);
            if (s.energy() >= 0.45) {
                for (int bar = 0; bar < s.bars(); bar += 2) n.add(s.startBeat() + bar * s.beatsPerBar(), 1.0, root, (int) (60 + 50 * s.energy()));
            }
            if (s.nextLifts()) {
                double start = s.endBeat() - s.beatsPerBar();
                int i = 0;
                for (double b = start; b < s.endBeat() - 1e-9; b += 0.125, i++) n.add(b, 0.125, root, 40 + i * 2);
            }
        }
        return n;
    }
}
