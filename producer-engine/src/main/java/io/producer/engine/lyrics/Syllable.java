package io.producer.engine.lyrics;

import java.util.List;

/**
 * One sung syllable: its letters as written (best effort split of the word), its ARPAbet phonemes
 * with stress digits on the vowel ("L", "AY1", "T"), and its lexical stress (0 none, 1 primary,
 * 2 secondary). Exactly one phoneme of a syllable is a vowel.
 */
public record Syllable(String text, List<String> phonemes, int stress) {
    public Syllable {
        phonemes = List.copyOf(phonemes);
        if (stress < 0 || stress > 2) throw new IllegalArgumentException("stress must be 0, 1 or 2");
    }

    public boolean stressed() { return stress > 0; }

    /** The vowel phoneme (ARPAbet with stress digit). */
    public String vowel() {
        for (String p : phonemes) if (Arpabet.isVowel(p)) return p;
        return phonemes.isEmpty() ? "AH0" : phonemes.get(0);
    }
}
