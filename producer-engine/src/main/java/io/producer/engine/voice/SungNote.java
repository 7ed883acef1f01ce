package io.producer.engine.voice;

import java.util.List;

/**
 * A vocal note in seconds, with its syllable as kal phones. {@code midi} may be fractional
 * (detuned doubles); {@code melisma} marks a note that continues the previous note's vowel.
 */
record SungNote(double start, double end, double midi, int velocity, List<String> phones, boolean melisma,
                boolean stressed, int wordIndex, int line) {
    SungNote {
        phones = List.copyOf(phones);
    }

    SungNote withPitch(double m) {
        return new SungNote(start, end, m, velocity, phones, melisma, stressed, wordIndex, line);
    }

    SungNote shifted(double seconds) {
        return new SungNote(start + seconds, end + seconds, midi, velocity, phones, melisma, stressed, wordIndex, line);
    }
}
