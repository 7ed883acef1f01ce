package io.producer.engine.mix;

import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;
import io.producer.engine.score.Score;

import java.util.ArrayList;
import java.util.List;

/**
 * Gain curves that follow the music rather than the audio: the kick-keyed duck of sidechain
 * pumping, the gate of a gated drum reverb, and the final fade. They are read from the score's
 * drum notes, so they land exactly on the beat instead of reacting a few milliseconds late.
 */
final class ScoreEnvelopes {
    private ScoreEnvelopes() {}

    /** Frames at which the kick (GM 35/36) hits; every beat when the score has no kick. */
    static List<Long> kicks(Score score, int rate) {
        List<Long> out = new ArrayList<>();
        for (Part p : score.parts())
            if (p.role() == PartRole.DRUMS)
                for (Note n : p.notes()) if (n.midi() == 35 || n.midi() == 36) out.add(frame(score, n.startBeat(), rate));
        if (out.isEmpty()) for (double b = 0; b < score.lengthBeats(); b += 1) out.add(frame(score, b, rate));
        out.sort(null);
        return out;
    }

    /** Drum hits that open a gated reverb: kicks and snares/claps (GM 35-40). */
    static List<Long> drumHits(Score score, int rate) {
        List<Long> out = new ArrayList<>();
        for (Part p : score.parts())
            if (p.role() == PartRole.DRUMS)
                for (Note n : p.notes()) if (n.midi() >= 35 && n.midi() <= 40) out.add(frame(score, n.startBeat(), rate));
        out.sort(null);
        return out;
    }

    private static long frame(Score score, double beat, int rate) {
        return Math.round(score.beatToSeconds(beat) * rate);
    }

    /**
     * The pumping curve: at each kick the gain drops to {@code depthDb} within 5 ms and comes back
     * along a smooth curve over {@code recoverSeconds}.
     */
    static float[] pump(List<Long> kicks, int frames, int rate, double depthDb, double recoverSeconds) {
        float[] g = new float[frames];
        java.util.Arrays.fill(g, 1f);
        float floor = (float) Math.pow(10, depthDb / 20);
        int attack = Math.max(1, rate / 200), recover = (int) (recoverSeconds * rate);
        for (long k : kicks) {
            for (int i = 0; i < attack + recover; i++) {
                long f = k - attack + i;
                if (f < 0 || f >= frames) continue;
                float v;
                if (i < attack) v = 1 - (1 - floor) * (float) (0.5 - 0.5 * Math.cos(Math.PI * i / attack));
                else {
                    double x = (double) (i - attack) / recover;
                    v = floor + (1 - floor) * (float) (x * x * (3 - 2 * x));
                }
                if (v < g[(int) f]) g[(int) f] = v;
            }
        }
        return g;
    }

    /** The gate for a gated reverb: open for {@code holdSeconds} after each hit, then shut in 25 ms. */
    static float[] gate(List<Long> hits, int frames, int rate, double holdSeconds) {
        float[] g = new float[frames];
        int hold = (int) (holdSeconds * rate), close = Math.max(1, (int) (0.025 * rate)), open = Math.max(1, rate / 1000);
        for (long h : hits) {
            for (int i = 0; i < open + hold + close; i++) {
                long f = h + i;
                if (f >= frames) break;
                float v = i < open ? (float) i / open : i < open + hold ? 1f : 1f - (float) (i - open - hold) / close;
                if (v > g[(int) f]) g[(int) f] = v;
            }
        }
        return g;
    }

    /** A fade over the last {@code seconds} of the music (cosine), silence in the tail after it. */
    static float[] fadeOut(Score score, int frames, int rate, double seconds) {
        float[] g = new float[frames];
        long end = Math.min(frames, Math.round(score.beatToSeconds(score.lengthBeats()) * rate));
        long start = Math.max(0, end - Math.round(seconds * rate));
        for (int i = 0; i < frames; i++) {
            if (i < start) g[i] = 1f;
            else if (i >= end) g[i] = 0f;
            else g[i] = (float) (0.5 + 0.5 * Math.cos(Math.PI * (i - start) / (double) (end - start)));
        }
        return g;
    }

    /** {@link #pump} for frames {@code [from, from + n)} only, into {@code out[0..n)} (kicks sorted). */
    static void pump(List<Long> kicks, int from, int n, float[] out, int rate, double depthDb, double recoverSeconds) {
        java.util.Arrays.fill(out, 0, n, 1f);
        float floor = (float) Math.pow(10, depthDb / 20);
        int attack = Math.max(1, rate / 200), recover = (int) (recoverSeconds * rate);
        for (int j = firstReaching(kicks, from - recover); j < kicks.size(); j++) {
            long k = kicks.get(j);
            if (k - attack >= from + n) break;
            int lo = (int) Math.max(0, from - (k - attack)), hi = (int) Math.min(attack + recover, from + n - (k - attack));
            for (int i = lo; i < hi; i++) {
                long f = k - attack + i;
                float v;
                if (i < attack) v = 1 - (1 - floor) * (float) (0.5 - 0.5 * Math.cos(Math.PI * i / attack));
                else {
                    double x = (double) (i - attack) / recover;
                    v = floor + (1 - floor) * (float) (x * x * (3 - 2 * x));
                }
                int o = (int) (f - from);
                if (v < out[o]) out[o] = v;
            }
        }
    }

    /** {@link #gate} for frames {@code [from, from + n)} only, into {@code out[0..n)} (hits sorted). */
    static void gate(List<Long> hits, int from, int n, float[] out, int rate, double holdSeconds) {
        java.util.Arrays.fill(out, 0, n, 0f);
        int hold = (int) (holdSeconds * rate), close = Math.max(1, (int) (0.025 * rate)), open = Math.max(1, rate / 1000);
        int span = open + hold + close;
        for (int j = firstReaching(hits, from - span); j < hits.size(); j++) {
            long h = hits.get(j);
            if (h >= from + n) break;
            int lo = (int) Math.max(0, from - h), hi = (int) Math.min(span, from + n - h);
            for (int i = lo; i < hi; i++) {
                float v = i < open ? (float) i / open : i < open + hold ? 1f : 1f - (float) (i - open - hold) / close;
                int o = (int) (h + i - from);
                if (v > out[o]) out[o] = v;
            }
        }
    }

    /** {@link #fadeOut} for frames {@code [from, from + n)} only, into {@code out[0..n)}. */
    static void fadeOut(Score score, int frames, int rate, double seconds, int from, int n, float[] out) {
        long end = Math.min(frames, Math.round(score.beatToSeconds(score.lengthBeats()) * rate));
        long start = Math.max(0, end - Math.round(seconds * rate));
        for (int k = 0; k < n; k++) {
            int i = from + k;
            if (i < start) out[k] = 1f;
            else if (i >= end) out[k] = 0f;
            else out[k] = (float) (0.5 + 0.5 * Math.cos(Math.PI * (i - start) / (double) (end - start)));
        }
    }

    /** Length of the ramp that closes every song: 20 ms. */
    static int endRampFrames(int rate) { return Math.round(0.02f * rate); }

    /**
     * Multiplies {@code x[0..n)}, the gains or the samples of frames {@code [from, from + n)}, by a
     * half-cosine that reaches zero at the last frame of the song (a block before the ramp is left as
     * it is). A reverb tail or a low note still ringing when the file ends would otherwise stop on a
     * step, which a player hears as a click.
     */
    static void endRamp(int frames, int rate, int from, int n, float[] x) {
        int len = endRampFrames(rate), start = frames - len;
        for (int k = Math.max(0, start - from); k < n; k++) {
            int i = from + k - start; // 0 .. len-1
            x[k] *= (float) (0.5 + 0.5 * Math.cos(Math.PI * (i + 1) / (double) len));
        }
    }

    /** Index of the first event at or after {@code frame} (events sorted). */
    private static int firstReaching(List<Long> events, long frame) {
        int lo = 0, hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid) < frame) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
