package io.producer.engine.arrange;

import io.producer.engine.style.Genre;
import io.producer.engine.style.Palette;
import io.producer.engine.style.Sound;
import io.producer.engine.style.Style;

import java.util.List;
import java.util.Set;

/**
 * The genre's palette with the prompt's named instruments put into the roles they naturally take
 * (a saxophone leads, strings pad, an upright bass is the bass, a fingerpicked guitar comps). With a
 * high {@code sound_strength} and named instruments, the genre's unnamed pad, arpeggio and counter
 * parts are left out so the prompt's instrumentation is what you hear.
 */
final class PaletteChooser {
    private PaletteChooser() {}

    private static final Set<String> ELECTRONIC = Set.of("edm", "electronic", "house", "techno", "drum and bass", "synthwave",
            "downtempo", "lofi", "trap", "hip hop", "k-pop", "reggaeton", "experimental", "r&b");

    static boolean electronic(String genre) { return ELECTRONIC.contains(genre); }

    static Palette choose(Style style, Genre genre) {
        Palette p = genre.palette();
        List<String> inst = style.instruments();
        boolean strict = style.soundStrength() >= 0.8 && !inst.isEmpty();
        if (strict) {
            p = p.withPad(inst.contains("pad") || inst.contains("strings") || inst.contains("synth") ? p.pad() : Sound.NONE)
                    .withArp(inst.contains("arp") ? p.arp() : Sound.NONE)
                    .withCounter(Sound.NONE);
        }
        boolean sparse = style.has("sparse");
        for (String i : inst) {
            switch (i) {
                case "piano" -> {
                    if (genre.name().equals("ambient") || style.has("melodic") && genre.voice() == null && !p.harmony().present()) p = p.withLead(Sound.gm(0));
                    else if (p.harmony().program() != 0) {
                        if (p.lead().program() == 0 || genre.voice() == null && style.has("melodic")) p = p.withLead(Sound.gm(0));
                        else p = p.withHarmony(Sound.gm(0));
                    }
                }
                case "strings" -> p = p.withPad(Sound.gm(48)).withCounter(p.counter().present() || !strict ? Sound.gm(49) : Sound.NONE);
                case "violin" -> p = genre.voice() == null ? p.withLead(Sound.gm(40)) : p.withCounter(Sound.gm(40));
                case "cello" -> p = p.withCounter(Sound.gm(42));
                case "brass" -> p = p.withCounter(Sound.gm(61));
                case "french_horn" -> p = p.withCounter(Sound.gm(60));
                case "trumpet" -> p = p.withLead(Sound.gm(56));
                case "woodwinds" -> p = p.withArp(Sound.gm(71));
                case "flute" -> p = p.withLead(Sound.gm(73));
                case "harp" -> p = p.withArp(Sound.gm(46));
                case "saxophone" -> p = p.withLead(Sound.gm(genre.name().equals("jazz") || genre.name().equals("lounge") ? 66 : 65));
                case "organ" -> p = genre.name().equals("reggae") ? p.withCounter(Sound.gm(16)) : p.withHarmony(Sound.gm(16));
                case "fingerpicked_guitar" -> p = p.withHarmony(Sound.gm(25));
                case "acoustic_guitar" -> p = p.withHarmony(Sound.gm(25));
                case "electric_guitar" -> p = p.withHarmony(Sound.gm(style.has("distortion") ? 30 : 29)).withLead(style.has("solo") || style.has("wah") ? Sound.gm(style.has("wah") ? 28 : 30) : p.lead());
                case "jangly_guitar" -> p = p.withHarmony(Sound.gm(27));
                case "guitar" -> {
                    if (p.harmony().program() < 24 || p.harmony().program() > 31)
                        p = p.withHarmony(Sound.gm(style.has("distortion") ? 30 : genre.voice() == null ? 25 : 27));
                }
                case "synth" -> {
                    if (p.pad().program() < 0) p = p.withPad(Sound.dsp("pad", 89));
                    if (genre.palette().lead().synth() == null && p.lead().program() < 80) p = p.withLead(Sound.gm(81));
                }
                case "pad" -> p = p.withPad(Sound.dsp("pad", 89));
                case "arp" -> p = p.withArp(Sound.dsp("pluck", 81));
                case "808" -> p = p.withBass(Sound.dsp("sub808", 38));
                case "sub_bass" -> p = p.withBass(Sound.dsp("sub808", 38));
                case "upright_bass" -> p = p.withBass(Sound.gm(32));
                case "bass" -> { if (!p.bass().present()) p = p.withBass(Sound.gm(33)); }
                case "brushes" -> p = p.withDrumKit(40);
                case "drums" -> { if (p.drumKit() < 0) p = p.withDrumKit(0); }
                default -> { }
            }
        }
        if (style.has("distortion") && p.harmony().program() >= 24 && p.harmony().program() <= 31) p = p.withHarmony(Sound.gm(30));
        if (style.has("big_drums") && p.drumKit() == 0) p = p.withDrumKit(16);
        if (style.has("gated_reverb") && p.drumKit() == 0) p = p.withDrumKit(24);
        if (sparse) p = p.withArp(Sound.NONE).withCounter(style.instruments().contains("strings") ? p.counter() : Sound.NONE);
        return p;
    }

    static String groove(Style style, Genre genre) {
        String g = genre.groove();
        if (style.instruments().contains("brushes")) g = "brushes";
        if (style.has("one_drop")) g = "one_drop";
        if (style.has("four_on_the_floor") && style.meter().beatsPerBar() == 4 && !g.equals("one_drop")) g = "four_on_floor";
        if (g.equals("none") && style.instruments().contains("drums")) g = "pop";
        if (style.has("sparse") && (g.equals("rock") || g.equals("pop"))) g = "acoustic";
        if (style.meter().beatsPerBar() != 4 && !g.equals("none") && !g.equals("waltz")) g = style.has("glitch") ? "glitch" : g;
        return g;
    }

    static String compStyle(Style style, Genre genre) {
        if (style.instruments().contains("fingerpicked_guitar")) return "arpeggio";
        if (style.has("offbeat_skank")) return "skank";
        if (style.meter().numerator() == 3 && style.meter().denominator() == 4) return "waltz";
        return switch (genre.name()) {
            case "rock", "metal" -> "power";
            case "indie" -> "strum";
            case "edm", "electronic", "k-pop", "drum and bass", "ambient", "downtempo", "cinematic", "orchestral", "opera", "r&b", "gospel", "soul" -> "sustain";
            case "house", "reggaeton", "experimental" -> "stab";
            case "techno" -> "stab";
            case "synthwave" -> "pulse";
            case "lofi", "hip hop", "trap" -> "block";
            case "classical", "neoclassical", "ballad", "folk", "singer-songwriter", "acoustic" -> "arpeggio";
            case "jazz", "lounge", "blues" -> "jazz";
            case "funk" -> "funk";
            case "country" -> "strum";
            case "reggae", "dub" -> "skank";
            case "bossa nova" -> "bossa";
            case "waltz" -> "waltz";
            default -> "block";
        };
    }

    static String name(Sound s, String fallback) {
        if (s.synth() != null) return s.synth();
        return switch (s.program()) {
            case 0, 1, 2 -> "piano";
            case 4, 5 -> "electric_piano";
            case 11 -> "vibraphone";
            case 16, 17, 18, 19 -> "organ";
            case 24, 25 -> "acoustic_guitar";
            case 26, 27, 28 -> "electric_guitar";
            case 29, 30 -> "distorted_guitar";
            case 40 -> "violin";
            case 42 -> "cello";
            case 45 -> "pizzicato";
            case 46 -> "harp";
            case 48, 49, 50 -> "strings";
            case 56 -> "trumpet";
            case 60 -> "french_horn";
            case 61, 62 -> "brass";
            case 65, 66 -> "saxophone";
            case 71 -> "clarinet";
            case 73 -> "flute";
            case 80, 81 -> "synth_lead";
            case 89, 90, 92, 94, 95 -> "synth_pad";
            case 98 -> "crystal";
            case 105 -> "banjo";
            case 110 -> "fiddle";
            default -> fallback;
        };
    }

    /** Comfortable melodic range (MIDI) for a lead or counter-melody instrument. */
    static int[] range(Sound s) {
        if (s.synth() != null) return new int[]{62, 84};
        return switch (s.program()) {
            case 0, 1, 2, 4, 5 -> new int[]{64, 86};
            case 11, 98 -> new int[]{65, 89};
            case 24, 25, 26, 27, 28, 29, 30 -> new int[]{57, 81};
            case 40, 110 -> new int[]{67, 91};
            case 42 -> new int[]{48, 69};
            case 56 -> new int[]{58, 80};
            case 60 -> new int[]{53, 74};
            case 61, 62 -> new int[]{55, 77};
            case 65 -> new int[]{61, 82};
            case 66 -> new int[]{56, 77};
            case 71 -> new int[]{58, 84};
            case 73 -> new int[]{72, 93};
            case 16, 17, 18, 19 -> new int[]{60, 84};
            default -> new int[]{60, 84};
        };
    }
}
