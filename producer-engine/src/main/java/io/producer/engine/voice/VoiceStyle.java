package io.producer.engine.voice;

import io.producer.engine.compose.MelodyWriter;
import io.producer.engine.score.Voice;

/**
 * How one singer performs: the size of the vocal tract ({@code formantScale}, 1 = the recorded
 * male speaker), vibrato, portamento, breath, articulation and the effects asked of the voice.
 *
 * @param formantScale     vocal-tract scaling: 1.0 male, ~1.13 female and alto, ~1.21 soprano
 * @param vibratoCents     vibrato depth (peak deviation) once fully developed
 * @param vibratoHz        vibrato rate
 * @param vibratoDelay     seconds into a note before vibrato starts to grow
 * @param portamento       seconds a pitch change takes between notes
 * @param breathiness      aspiration noise mixed into the voice source, relative to it
 * @param consonantScale   consonant lengths relative to careful speech
 * @param level            linear output gain
 * @param driftCents       slow random pitch wander of a human singer
 * @param speech           rap: speech-like pitch contours and spoken vowel lengths on the beat
 * @param autotune         hard pitch snapping: instant note changes, no vibrato, no drift
 * @param vocoder          the voice only shapes a synthetic carrier playing the notes
 * @param spokenGlide      clear lyrics: the pitch moves to the next note during the consonants before its
 *                         vowel, as in speech, not just before the vowel
 */
record VoiceStyle(double formantScale, double vibratoCents, double vibratoHz, double vibratoDelay,
                  double portamento, double breathiness, double consonantScale, double level,
                  double driftCents, boolean speech, boolean autotune, boolean vocoder, boolean spokenGlide) {

    static VoiceStyle of(Voice voice, double lyricsStrength) {
        double ls = Math.max(0, Math.min(1, lyricsStrength));
        boolean female = voice.has("female");
        boolean male = voice.has("male");
        double formant = 1.0, vib = 28, vibHz = 5.5, delay = 0.28, port = 0.07, breath = 0.08, level = 1.0, drift = 5;
        boolean speech = false;
        switch (voice.type()) {
            // Sung high, the harmonics sample the formants too sparsely to tell the vowels apart;
            // aspiration noise through the same vocal tract fills the envelope in between. Nine seed
            // lyrics at lyrics_strength 0.9 (eval-vocals --survey, PocketSphinx WER), female: 0.503
            // at breath 0.11, 0.485 at 0.2, 0.443 at 0.3, 0.440 at 0.45; male: 0.383 at 0.08, 0.363 at
            // 0.2; alto 0.398 at 0.08, 0.331 at 0.3. A female tract of 1.13, not 1.17, read 0.361 against
            // 0.440 with clear lines sung low (MelodyWriter.CLEAR_MAX_SHIFT); alto at 1.17, 0.418. On the
            // sound of 2026-12-04 1.09-1.17 read the same (nine lyrics 0.358 at 1.13, 0.356 at 1.17;
            // Starry Night on eight seeds 0.529 / 0.533 / 0.517); 1.0 (the male's formants) read 0.649
            // and 1.21 0.607 there, so the tract matters, but not within that span.
            case FEMALE, ALTO -> { formant = 1.13; breath = 0.30; }
            case MALE -> breath = 0.20;
            case SOPRANO -> { formant = 1.21; vib = 60; vibHz = 5.8; delay = 0.16; port = 0.09; breath = 0.05; }
            case TENOR -> formant = 1.03;
            case BARITONE -> formant = 0.96;
            case RAP -> { formant = female ? 1.15 : 1.0; vib = 0; port = 0.09; speech = true; breath = 0.05; }
            case CHOIR -> { formant = female && !male ? 1.17 : 1.0; vib = 22; breath = 0.12; }
        }
        if (voice.has("breathy") || voice.has("intimate") || voice.has("whisper") || voice.has("soft")) {
            breath += 0.18;
            level *= 0.8;
            vib *= 0.7;
        }
        if (voice.has("powerful") || voice.has("belting")) {
            breath *= 0.5;
            level *= 1.2;
            vib *= 1.15;
        }
        if (voice.has("vibrato") || voice.has("bel_canto") || voice.has("theatrical")) vib = Math.max(vib * 1.6, 45);
        if (voice.has("emotional")) {
            vib *= 1.15;
            breath += 0.04;
        }
        if (voice.has("clear")) vib *= 0.8;
        if (voice.has("raw")) {
            drift *= 2;
            breath += 0.04;
        }
        boolean autotune = voice.has("autotune");
        boolean vocoder = voice.has("vocoder") || voice.has("robotic");
        if (autotune) {
            vib = 0;
            drift = 0;
            port = 0.012;
        }
        // clearer diction when the request weighs the lyrics: longer consonants, calmer vibrato
        double consonants = 0.95 + 0.3 * ls;
        vib *= 1.15 - 0.3 * ls;
        // the pitch moves in the consonants where the line is set in its free spoken rhythm; below, its
        // stresses sit on beats and the note changes just before its vowel, on the beat (with the glide
        // in the consonants at 0.5, aubio heard the 73 BPM female ballad of the seed prompts at 146)
        boolean spokenGlide = ls >= MelodyWriter.FREE_SPEECH_FROM;
        return new VoiceStyle(formant, vib, vibHz, delay, port, breath, consonants, level, drift, speech, autotune, vocoder,
                spokenGlide);
    }

    VoiceStyle withFormantScale(double f) {
        return new VoiceStyle(f, vibratoCents, vibratoHz, vibratoDelay, portamento, breathiness, consonantScale, level,
                driftCents, speech, autotune, vocoder, spokenGlide);
    }

    VoiceStyle withLevel(double l) {
        return new VoiceStyle(formantScale, vibratoCents, vibratoHz, vibratoDelay, portamento, breathiness, consonantScale, l,
                driftCents, speech, autotune, vocoder, spokenGlide);
    }
}
