package io.producer.engine.score;

import io.producer.engine.style.Style;

import java.util.List;

/**
 * A song as music: everything needed to render it again, byte for byte. Times are in beats
 * (quarter notes) at a constant {@code bpm}; {@code bars} counts bars of {@code meter}.
 * {@code origin} is "composed" for songs the engine wrote and "analysed" for uploaded audio, whose
 * score is what analysis recovered (it has no parts: the uploaded audio is the sound).
 * {@code seed} is the request's seed string as reported on the clip.
 */
public record Score(int formatVersion, String origin, String seed, String profile, String title, Style style,
                    double bpm, Meter meter, Key key, int bars, List<Section> sections, List<ChordEvent> chords,
                    VocalPart vocal, List<Part> parts, double tailSeconds) {

    public static final int FORMAT_VERSION = 1;

    public Score {
        sections = List.copyOf(sections);
        chords = List.copyOf(chords);
        parts = List.copyOf(parts);
        if (bpm < 20 || bpm > 320) throw new IllegalArgumentException("bpm out of range: " + bpm);
        if (bars < 1) throw new IllegalArgumentException("a score has at least one bar");
    }

    public double secondsPerBeat() { return 60.0 / bpm; }

    public double beatToSeconds(double beat) { return beat * 60.0 / bpm; }

    public double secondsToBeat(double seconds) { return seconds * bpm / 60.0; }

    public double lengthBeats() { return bars * meter.beatsPerBar(); }

    /** Length of the rendered audio: the music plus the tail that lets reverb and releases ring out. */
    public double durationSeconds() { return beatToSeconds(lengthBeats()) + tailSeconds; }

    public boolean hasVocal() { return vocal != null && !vocal.isEmpty(); }
}
