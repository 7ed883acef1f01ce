package io.producer.engine.analyze;

import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Section;

import java.util.List;

/**
 * What analysis recovered from audio. {@code beatTimes} are seconds from the start of the audio;
 * {@code chords} count beats from {@code firstDownbeatSeconds} (beat 0 is the first downbeat), and
 * {@code sections} count bars of {@code meter} from there too. {@code keyStrength} is the Pearson
 * correlation of the song's chroma with the chosen key profile (under ~0.5 the key is unclear).
 */
public record Analysis(double bpm, double firstDownbeatSeconds, List<Double> beatTimes, Meter meter, Key key,
                       double keyStrength, List<ChordEvent> chords, List<Section> sections, double integratedLufs,
                       double truePeakDbtp) {
    public Analysis {
        beatTimes = List.copyOf(beatTimes);
        chords = List.copyOf(chords);
        sections = List.copyOf(sections);
    }

    /** Seconds per beat at the analysed tempo. */
    public double secondsPerBeat() { return 60.0 / bpm; }

    /** Bars of the analysed meter from the first downbeat to {@code endSeconds}, rounded up (at least one). */
    public int barsUntil(double endSeconds) {
        double barSeconds = meter.beatsPerBar() * secondsPerBeat();
        return Math.max(1, (int) Math.ceil((endSeconds - firstDownbeatSeconds) / barSeconds - 1e-6));
    }
}
