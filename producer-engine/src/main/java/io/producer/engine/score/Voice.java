package io.producer.engine.score;

import java.util.List;

/**
 * Who sings: the voice type picks range and timbre; {@code effects} lists what the prompt asked
 * of the vocal ("autotune", "vocoder", "breathy", "powerful", "raw", "intimate", ...).
 */
public record Voice(Type type, int lowMidi, int highMidi, List<String> effects) {
    public enum Type { MALE, FEMALE, SOPRANO, TENOR, BARITONE, ALTO, CHOIR, RAP }

    public Voice {
        effects = List.copyOf(effects);
        if (lowMidi >= highMidi) throw new IllegalArgumentException("voice range is empty");
    }

    public boolean has(String effect) { return effects.contains(effect); }
}
