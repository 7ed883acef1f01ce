package io.producer.engine.analyze;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Section;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio to music: tempo and beats, meter and first downbeat, key, chords and sections, loudness.
 * Used for uploaded clips (their analysed score) and by tests that check renders against their
 * scores. Stateless, thread-safe and deterministic (no randomness, sequential sums only).
 *
 * <p>The pipeline: a mono 11 025 Hz mixdown; a spectral-flux onset envelope; tempo by comb-filtered
 * autocorrelation with a metrical-level decision; beats by dynamic programming, then (for music
 * in steady tempo, the case the one-tempo score can represent) the constant grid fitted to them,
 * from the first to the last sounding beat; chroma from a long
 * STFT; key by Krumhansl–Kessler profiles; chords per beat by templates and Viterbi; meter and
 * downbeat from bar-start cues; sections from bar self-similarity novelty. Audio with no pulse at
 * all (silence, a held tone) gets a nominal {@value #NO_PULSE_BPM} BPM grid from time 0, and its key
 * strength reads 0 when it has no pitch content either, so callers can tell.
 */
public final class Analyzer {
    static final double NO_PULSE_BPM = 120;
    /** Share of tracked beats on one constant-tempo grid for the song to count as steady. */
    private static final double MIN_STEADY = 0.6;
    /** Silence threshold for trimming beats at the ends, relative to the median frame level. */
    private static final double EDGE_SILENCE = 0.01;

    public Analyzer() {}

    public Analysis analyse(AudioBuffer audio) {
        AnalysisSignal signal = AnalysisSignal.of(audio);
        OnsetEnvelope onsets = OnsetEnvelope.of(signal);
        double tempo = signal.inputRmsDb < -90 ? 0 : TempoEstimator.estimate(onsets.strength);
        double[] beatTimes;
        double bpm;
        if (tempo <= 0) {
            bpm = NO_PULSE_BPM;
            beatTimes = grid(0, 60 / bpm, signal.seconds());
        } else {
            double[] tracked = trimSilentEdges(toSeconds(BeatTracker.track(onsets.strength, tempo)), onsets);
            BeatGrid grid = BeatGrid.fit(tracked, 60 / tempo);
            if (tracked.length >= 8 && grid.inlierShare() >= MIN_STEADY) {
                grid = onTheBassBeats(grid, onsets);
                double half = grid.period() / 2;
                beatTimes = grid.beats(Math.max(0, tracked[0] - half), tracked[tracked.length - 1] + half);
                bpm = grid.bpm();
            } else {
                beatTimes = tracked;
                bpm = refineTempo(tracked, tempo);
            }
        }
        if (beatTimes.length == 0) beatTimes = grid(0, 60 / bpm, signal.seconds());
        double beatSeconds = 60 / bpm;

        Chromagram chromagram = Chromagram.of(signal);
        KeyFinder.Result key = KeyFinder.find(pitchClassWeights(chromagram));
        BeatFeatures beats = BeatFeatures.of(beatTimes, beatSeconds, chromagram, onsets);
        List<Chord> beatChords = new ChordRecognizer().recognise(beats);
        BarFinder.Bars bars = BarFinder.find(beats, beatChords);
        Meter meter = bars.meter();
        int downbeat = Math.min(bars.firstDownbeatBeat(), beatTimes.length - 1);
        double firstDownbeat = beatTimes[downbeat];

        List<ChordEvent> chords = chordEvents(beatChords, downbeat);
        double duration = audio.durationSeconds();
        double barSeconds = meter.beatsPerBar() * beatSeconds;
        int barCount = Math.max(1, (int) Math.ceil((duration - firstDownbeat) / barSeconds - 1e-6));
        double[] barStarts = new double[barCount];
        for (int b = 0; b < barCount; b++) barStarts[b] = firstDownbeat + b * barSeconds;
        List<Section> sections = SectionFinder.find(barStarts, duration, chromagram, key.key());

        List<Double> beatList = new ArrayList<>(beatTimes.length);
        for (double t : beatTimes) beatList.add(t);
        double lufs = LoudnessMeter.integratedLufs(audio);
        double peak = LoudnessMeter.truePeakDbtp(audio);
        return new Analysis(bpm, firstDownbeat, beatList, meter, key.key(), key.strength(), chords, sections, lufs, peak);
    }

    private static double[] toSeconds(double[] frames) {
        double[] t = new double[frames.length];
        for (int i = 0; i < frames.length; i++) t[i] = OnsetEnvelope.frameSeconds(frames[i]);
        return t;
    }

    private static double[] grid(double start, double step, double end) {
        int n = Math.max(1, (int) Math.floor((end - start) / step) + 1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = start + i * step;
        return t;
    }

    /**
     * A tracker can follow the off-beats when they carry the strongest onsets (reggae skanks, house
     * open hats); the bass (kick, bass notes) marks the beat itself, so when it hits clearly more
     * between the grid's beats than on them, the grid moves by half a beat.
     */
    private static BeatGrid onTheBassBeats(BeatGrid grid, OnsetEnvelope onsets) {
        double on = 0, off = 0;
        for (double t = grid.phase(); t < onsets.frames() / OnsetEnvelope.RATE; t += grid.period()) {
            on += peakNear(onsets.bass, t * OnsetEnvelope.RATE);
            off += peakNear(onsets.bass, (t + grid.period() / 2) * OnsetEnvelope.RATE);
        }
        return off > 1.5 * on ? grid.shiftedHalfBeat() : grid;
    }

    private static double peakNear(float[] x, double frame) {
        int c = (int) Math.round(frame);
        float m = 0;
        for (int f = Math.max(0, c - 1); f <= Math.min(x.length - 1, c + 1); f++) m = Math.max(m, x[f]);
        return m;
    }

    /** Drop beats the tracker extrapolated into silence before the music starts and after it ends. */
    private static double[] trimSilentEdges(double[] beats, OnsetEnvelope onsets) {
        float[] rms = onsets.rms.clone();
        java.util.Arrays.sort(rms);
        double floor = EDGE_SILENCE * rms[rms.length / 2];
        int a = 0, z = beats.length;
        while (a < z && silentAround(beats[a], onsets, floor)) a++;
        while (z > a && silentAround(beats[z - 1], onsets, floor)) z--;
        return java.util.Arrays.copyOfRange(beats, a, z);
    }

    private static boolean silentAround(double t, OnsetEnvelope onsets, double floor) {
        int c = (int) Math.round(t * OnsetEnvelope.RATE);
        int w = (int) Math.round(0.1 * OnsetEnvelope.RATE);
        for (int f = Math.max(0, c - w); f <= Math.min(onsets.frames() - 1, c + w); f++) if (onsets.rms[f] > floor) return false;
        return true;
    }

    /**
     * The tempo from the beats themselves: a least-squares line through beat time against beat
     * number (a skipped or doubled beat counts by the interval it spans), which is far finer than
     * the frame grid. Falls back to the estimate when the beats are too few or too irregular.
     */
    static double refineTempo(double[] beats, double estimate) {
        if (beats.length < 4) return estimate;
        double[] intervals = new double[beats.length - 1];
        for (int i = 1; i < beats.length; i++) intervals[i - 1] = beats[i] - beats[i - 1];
        double[] sorted = intervals.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (median <= 0) return estimate;
        double[] index = new double[beats.length];
        for (int i = 1; i < beats.length; i++) index[i] = index[i - 1] + Math.max(1, Math.round(intervals[i - 1] / median));
        int n = beats.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += index[i];
            my += beats[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (index[i] - mx) * (beats[i] - my);
            sxx += (index[i] - mx) * (index[i] - mx);
        }
        double slope = sxy / sxx;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double r = beats[i] - (my + slope * (index[i] - mx));
            residual += r * r;
        }
        residual = Math.sqrt(residual / n);
        if (slope <= 0 || residual > 0.25 * median) return 60 / median;
        return 60 / slope;
    }

    private static double[] pitchClassWeights(Chromagram cg) {
        double[] w = new double[12];
        for (int f = 0; f < cg.frames(); f++) {
            float min = Float.MAX_VALUE;
            for (float v : cg.chroma[f]) min = Math.min(min, v);
            for (int k = 0; k < 12; k++) w[k] += cg.chroma[f][k] - min;
        }
        return w;
    }

    /** Consecutive beats with the same chord become one event; beats count from the first downbeat. */
    private static List<ChordEvent> chordEvents(List<Chord> perBeat, int downbeat) {
        List<ChordEvent> out = new ArrayList<>();
        int start = downbeat;
        for (int i = downbeat + 1; i <= perBeat.size(); i++) {
            if (i == perBeat.size() || !perBeat.get(i).equals(perBeat.get(start))) {
                out.add(new ChordEvent(start - downbeat, i - start, perBeat.get(start)));
                start = i;
            }
        }
        return out;
    }
}
