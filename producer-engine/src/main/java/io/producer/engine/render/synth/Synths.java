package io.producer.engine.render.synth;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The engine's own instruments by name, as {@code Instrument.synth()} names them in the score. */
public final class Synths {
    public static final Set<String> NAMES = Set.of("supersaw", "sub808", "pad", "pluck", "arp", "riser", "vinyl", "water", "wind", "chimes");

    private Synths() {}

    public static boolean exists(String name) { return NAMES.contains(name); }

    /** A block source playing {@code notes} on the named synth; {@code seed} fixes its random details. */
    public static NoteSynth create(String name, int rate, List<NoteEvent> notes, long seed) {
        Supplier<Voice> voice = switch (name) {
            case "supersaw" -> Supersaw::new;
            case "sub808" -> Sub808::new;
            case "pad" -> Pad::new;
            case "pluck", "arp" -> Pluck::new;
            case "riser" -> Riser::new;
            case "vinyl" -> Vinyl::new;
            case "water" -> Water::new;
            case "wind" -> Wind::new;
            case "chimes" -> Chimes::new;
            default -> throw new IllegalArgumentException("unknown synth \"" + name + "\"; known: " + new java.util.TreeSet<>(NAMES));
        };
        int polyphony = switch (name) {
            case "sub808" -> 3;
            case "vinyl", "water", "wind", "riser" -> 4;
            case "pad", "supersaw" -> 16;
            default -> 24;
        };
        return new NoteSynth(rate, notes, polyphony, voice, seed, 1f);
    }
}
