package io.producer.engine.score;

import java.util.List;

/**
 * One sung note carrying one syllable (or the continuation of a melisma, when {@code melisma} is
 * true and {@code syllable} repeats the syllable being held). {@code phonemes} are ARPAbet with
 * stress digits on vowels ("HH", "AH0", "L", "OW1"); {@code wordIndex} points into
 * {@link VocalPart#words()}.
 */
public record VocalNote(double startBeat, double durationBeats, int midi, int velocity,
                        String syllable, List<String> phonemes, int wordIndex, boolean melisma,
                        boolean stressed) {
    public VocalNote {
        phonemes = List.copyOf(phonemes);
        if (durationBeats <= 0) throw new IllegalArgumentException("vocal note duration must be positive");
    }

    public double endBeat() { return startBeat + durationBeats; }
}
