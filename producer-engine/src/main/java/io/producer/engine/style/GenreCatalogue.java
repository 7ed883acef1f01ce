package io.producer.engine.style;

import io.producer.engine.score.Meter;
import io.producer.engine.score.Voice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.producer.engine.style.Sound.NONE;
import static io.producer.engine.style.Sound.dsp;
import static io.producer.engine.style.Sound.gm;

/**
 * The genre catalogue. Programs are General MIDI, 0-based (0 grand piano, 4 electric piano, 16 drawbar
 * organ, 24 nylon guitar, 25 steel guitar, 26 jazz guitar, 27 clean electric, 29 overdrive, 30 distortion,
 * 32 upright bass, 33 finger bass, 34 picked bass, 38/39 synth bass, 40 violin, 42 cello, 45 pizzicato,
 * 46 harp, 48 strings, 52 choir, 56 trumpet, 60 french horn, 61 brass, 65 alto sax, 66 tenor sax,
 * 71 clarinet, 73 flute, 80 square lead, 81 saw lead, 89 warm pad, 90 polysynth, 94 halo pad, 99 atmosphere).
 */
public final class GenreCatalogue {
    private GenreCatalogue() {}

    static final List<String> SONG = List.of("intro", "verse", "pre_chorus", "chorus", "verse", "pre_chorus", "chorus", "bridge", "chorus", "outro");
    static final List<String> SHORT_SONG = List.of("intro", "verse", "chorus", "verse", "chorus", "bridge", "chorus", "outro");
    static final List<String> EDM = List.of("intro", "build", "drop", "breakdown", "build", "drop", "outro");
    static final List<String> AMBIENT = List.of("intro", "verse", "bridge", "verse", "outro");
    static final List<String> PIECE = List.of("intro", "verse", "chorus", "bridge", "verse", "chorus", "outro");
    static final List<String> CINEMATIC = List.of("intro", "verse", "build", "chorus", "breakdown", "build", "chorus", "outro");
    static final List<String> JAZZ = List.of("intro", "verse", "chorus", "solo", "verse", "chorus", "outro");
    static final List<String> BLUES = List.of("intro", "verse", "verse", "solo", "verse", "outro");
    static final List<String> HIPHOP = List.of("intro", "verse", "hook", "verse", "hook", "bridge", "hook", "outro");

    private static final Meter M44 = Meter.FOUR_FOUR, M34 = new Meter(3, 4), M68 = new Meter(6, 8);

    private static final List<Genre> ALL;

    static {
        List<Genre> g = new ArrayList<>();
        g.add(new Genre("pop", 96, 124, M44, 0.7, List.of("axis", "doowop", "royal", "edm_major", "aeolian_pop", "minor_plagal"),
                "pop", new Palette(0, gm(33), gm(0), dsp("pad", 89), gm(80), dsp("pluck", 5), gm(48)), Voice.Type.FEMALE, SONG, 0.6, "rise", 0));
        g.add(new Genre("rock", 110, 140, M44, 0.6, List.of("mixo_rock", "three_chord", "axis", "aeolian_pop", "metal"),
                "rock", new Palette(16, gm(34), gm(29), NONE, gm(30), NONE, gm(29)), Voice.Type.MALE, SHORT_SONG, 0.8, "rise", 0));
        g.add(new Genre("indie", 100, 130, M44, 0.65, List.of("axis", "royal", "mixo_rock", "aeolian_pop"),
                "rock", new Palette(8, gm(33), gm(27), gm(89), gm(27), NONE, gm(25)), Voice.Type.MALE, SHORT_SONG, 0.65, "rise", 0));
        g.add(new Genre("electronic", 110, 128, M44, 0.5, List.of("edm_major", "aeolian_pop", "epic"),
                "four_on_floor", new Palette(24, dsp("sub808", 38), dsp("supersaw", 81), dsp("pad", 89), gm(81), dsp("pluck", 90), gm(80)), Voice.Type.FEMALE, EDM, 0.75, "build_drop", 0));
        g.add(new Genre("edm", 124, 130, M44, 0.55, List.of("edm_major", "aeolian_pop", "epic"),
                "four_on_floor", new Palette(24, dsp("sub808", 38), dsp("supersaw", 81), dsp("pad", 89), dsp("supersaw", 81), dsp("pluck", 90), gm(80)), Voice.Type.FEMALE, EDM, 0.85, "build_drop", 0));
        g.add(new Genre("house", 120, 128, M44, 0.5, List.of("soul", "dorian_funk", "edm_major"),
                "four_on_floor", new Palette(24, gm(38), gm(4), dsp("pad", 89), dsp("pluck", 90), dsp("pluck", 90), gm(16)), Voice.Type.FEMALE, EDM, 0.75, "build_drop", 0));
        g.add(new Genre("techno", 126, 138, M44, 0.15, List.of("techno", "phrygian", "dark"),
                "techno", new Palette(24, gm(38), dsp("pluck", 81), dsp("pad", 95), gm(81), dsp("pluck", 87), NONE), null, EDM, 0.8, "build_drop", 0));
        g.add(new Genre("drum and bass", 170, 176, M44, 0.3, List.of("dnb_minor", "aeolian_pop", "epic"),
                "dnb", new Palette(24, dsp("sub808", 38), dsp("pad", 89), dsp("pad", 94), gm(81), dsp("pluck", 90), NONE), Voice.Type.FEMALE, EDM, 0.85, "build_drop", 0));
        g.add(new Genre("synthwave", 84, 112, M44, 0.35, List.of("synthwave_minor", "aeolian_pop", "edm_major"),
                "synthwave", new Palette(24, gm(38), gm(90), dsp("pad", 89), gm(81), dsp("pluck", 81), gm(62)), Voice.Type.MALE, SHORT_SONG, 0.65, "rise", 0));
        g.add(new Genre("downtempo", 80, 100, M44, 0.35, List.of("lofi_minor", "dark", "ambient_major", "soul"),
                "downtempo", new Palette(24, dsp("sub808", 39), gm(4), dsp("pad", 89), gm(98), dsp("pluck", 90), NONE), null, AMBIENT, 0.4, "wave", 0.1));
        g.add(new Genre("lofi", 70, 90, M44, 0.5, List.of("jazz_251", "lofi_minor", "soul"),
                "lofi", new Palette(24, gm(33), gm(4), dsp("pad", 89), gm(11), NONE, NONE), null, AMBIENT, 0.35, "flat", 0.5));
        g.add(new Genre("ambient", 60, 80, M44, 0.6, List.of("ambient_major", "ambient_minor"),
                "none", new Palette(-1, dsp("pad", 89), gm(0), dsp("pad", 94), gm(0), dsp("chimes", 98), gm(92)), null, AMBIENT, 0.2, "wave", 0));
        g.add(new Genre("cinematic", 70, 100, M44, 0.3, List.of("epic", "cinematic_minor", "cinematic_major"),
                "orchestral", new Palette(48, gm(43), gm(48), gm(49), gm(60), gm(45), gm(61)), null, CINEMATIC, 0.7, "crescendo", 0));
        g.add(new Genre("orchestral", 72, 104, M44, 0.45, List.of("classical_major", "epic", "cinematic_major", "classical_minor"),
                "orchestral", new Palette(48, gm(43), gm(48), gm(49), gm(40), gm(45), gm(60)), null, CINEMATIC, 0.6, "crescendo", 0));
        g.add(new Genre("classical", 64, 96, M44, 0.5, List.of("classical_major", "classical_minor", "circle"),
                "none", new Palette(-1, gm(0), gm(0), NONE, gm(0), NONE, NONE), null, PIECE, 0.4, "wave", 0));
        g.add(new Genre("neoclassical", 70, 100, M44, 0.3, List.of("classical_minor", "epic", "andalusian", "classical_major"),
                "none", new Palette(-1, gm(0), gm(0), NONE, gm(0), NONE, NONE), null, PIECE, 0.45, "wave", 0));
        g.add(new Genre("jazz", 90, 140, M44, 0.75, List.of("jazz_251", "bossa", "minor_jazz"),
                "swing", new Palette(32, gm(32), gm(0), NONE, gm(65), NONE, gm(26)), Voice.Type.FEMALE, JAZZ, 0.45, "wave", 0.6));
        g.add(new Genre("lounge", 84, 104, M44, 0.65, List.of("jazz_251", "soul", "minor_jazz"),
                "brushes", new Palette(40, gm(32), gm(0), NONE, gm(66), NONE, gm(26)), Voice.Type.FEMALE, JAZZ, 0.35, "wave", 0.5));
        g.add(new Genre("blues", 70, 110, M44, 0.7, List.of("blues"),
                "shuffle", new Palette(8, gm(33), gm(27), gm(16), gm(29), NONE, gm(16)), Voice.Type.MALE, BLUES, 0.55, "wave", 0.66));
        g.add(new Genre("funk", 96, 116, M44, 0.4, List.of("dorian_funk", "funk"),
                "funk", new Palette(0, gm(36), gm(27), NONE, gm(61), NONE, gm(4)), Voice.Type.MALE, SHORT_SONG, 0.75, "wave", 0.15));
        g.add(new Genre("soul", 70, 100, M44, 0.65, List.of("soul", "gospel", "doowop"),
                "backbeat", new Palette(0, gm(33), gm(4), gm(48), gm(61), NONE, gm(16)), Voice.Type.FEMALE, SONG, 0.55, "rise", 0.2));
        g.add(new Genre("r&b", 64, 96, M44, 0.5, List.of("soul", "lofi_minor", "royal"),
                "rnb", new Palette(24, dsp("sub808", 38), gm(4), dsp("pad", 89), gm(5), NONE, gm(48)), Voice.Type.FEMALE, SONG, 0.5, "rise", 0.25));
        g.add(new Genre("gospel", 68, 110, M44, 0.85, List.of("gospel", "soul"),
                "backbeat", new Palette(0, gm(33), gm(0), gm(16), gm(16), NONE, gm(52)), Voice.Type.CHOIR, SONG, 0.7, "rise", 0.3));
        g.add(new Genre("hip hop", 84, 98, M44, 0.3, List.of("dark", "lofi_minor", "minor_plagal"),
                "boom_bap", new Palette(25, dsp("sub808", 38), gm(0), dsp("pad", 89), gm(4), NONE, NONE), Voice.Type.RAP, HIPHOP, 0.6, "flat", 0.3));
        g.add(new Genre("trap", 130, 150, M44, 0.1, List.of("dark", "trap_minor", "phrygian"),
                "trap", new Palette(25, dsp("sub808", 38), gm(0), dsp("pad", 89), gm(80), dsp("pluck", 10), NONE), Voice.Type.RAP, HIPHOP, 0.7, "flat", 0));
        g.add(new Genre("country", 90, 120, M44, 0.9, List.of("country", "three_chord", "axis"),
                "country", new Palette(0, gm(33), gm(25), NONE, gm(110), gm(105), gm(27)), Voice.Type.MALE, SHORT_SONG, 0.55, "rise", 0.1));
        g.add(new Genre("folk", 84, 116, M44, 0.75, List.of("three_chord", "country", "doowop", "minor_plagal"),
                "folk", new Palette(-1, gm(32), gm(25), NONE, gm(73), NONE, gm(40)), Voice.Type.MALE, SHORT_SONG, 0.4, "rise", 0));
        g.add(new Genre("singer-songwriter", 76, 110, M44, 0.7, List.of("axis", "doowop", "royal", "minor_plagal"),
                "acoustic", new Palette(-1, gm(32), gm(25), NONE, gm(25), NONE, gm(42)), Voice.Type.MALE, SHORT_SONG, 0.35, "rise", 0));
        g.add(new Genre("acoustic", 76, 110, M44, 0.7, List.of("axis", "doowop", "royal", "aeolian_pop"),
                "acoustic", new Palette(-1, gm(32), gm(25), NONE, gm(24), NONE, gm(42)), Voice.Type.MALE, SHORT_SONG, 0.35, "rise", 0));
        g.add(new Genre("ballad", 64, 80, M44, 0.65, List.of("ballad", "axis", "royal", "aeolian_pop"),
                "ballad", new Palette(0, gm(33), gm(0), gm(48), gm(0), NONE, gm(48)), Voice.Type.FEMALE, SONG, 0.4, "rise", 0));
        g.add(new Genre("metal", 140, 180, M44, 0.05, List.of("metal", "phrygian", "epic"),
                "metal", new Palette(16, gm(34), gm(30), NONE, gm(30), NONE, gm(30)), Voice.Type.MALE, SHORT_SONG, 0.95, "rise", 0));
        g.add(new Genre("reggae", 70, 90, M44, 0.7, List.of("reggae", "reggae_minor"),
                "one_drop", new Palette(0, gm(33), gm(27), NONE, gm(16), NONE, gm(61)), Voice.Type.MALE, SHORT_SONG, 0.5, "flat", 0.2));
        g.add(new Genre("reggaeton", 88, 100, M44, 0.3, List.of("aeolian_pop", "dark", "edm_major"),
                "dembow", new Palette(24, dsp("sub808", 38), dsp("pluck", 90), dsp("pad", 89), gm(81), NONE, NONE), Voice.Type.MALE, HIPHOP, 0.75, "flat", 0));
        g.add(new Genre("bossa nova", 120, 140, M44, 0.6, List.of("bossa", "jazz_251"),
                "bossa", new Palette(40, gm(32), gm(24), NONE, gm(73), NONE, gm(48)), Voice.Type.FEMALE, JAZZ, 0.35, "flat", 0));
        g.add(new Genre("k-pop", 110, 130, M44, 0.6, List.of("royal", "edm_major", "aeolian_pop"),
                "pop", new Palette(24, dsp("sub808", 38), dsp("supersaw", 81), dsp("pad", 89), gm(80), dsp("pluck", 90), gm(48)), Voice.Type.FEMALE, SONG, 0.8, "build_drop", 0));
        g.add(new Genre("waltz", 84, 180, M34, 0.75, List.of("waltz", "classical_major", "classical_minor"),
                "waltz", new Palette(48, gm(32), gm(0), gm(48), gm(40), NONE, gm(71)), null, PIECE, 0.45, "wave", 0));
        g.add(new Genre("experimental", 90, 140, M44, 0.4, List.of("phrygian", "dark", "lydian", "techno"),
                "glitch", new Palette(24, dsp("sub808", 38), dsp("pluck", 90), dsp("pad", 95), gm(80), dsp("pluck", 98), gm(99)), null, EDM, 0.6, "wave", 0));
        g.add(new Genre("dub", 66, 84, M44, 0.4, List.of("reggae_minor", "reggae"),
                "one_drop", new Palette(0, dsp("sub808", 33), gm(27), NONE, gm(16), NONE, NONE), null, SHORT_SONG, 0.45, "flat", 0.2));
        g.add(new Genre("opera", 60, 92, M44, 0.5, List.of("classical_major", "classical_minor"),
                "none", new Palette(48, gm(43), gm(48), gm(49), gm(40), gm(46), gm(60)), Voice.Type.SOPRANO, PIECE, 0.5, "crescendo", 0));
        ALL = Collections.unmodifiableList(g);
    }

    public static List<Genre> all() { return ALL; }

    public static Genre get(String name) {
        for (Genre g : ALL) if (g.name().equals(name)) return g;
        throw new IllegalArgumentException("no such genre: " + name);
    }
}
