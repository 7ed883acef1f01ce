package io.producer.engine.render.synth;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A polyphonic instrument made of {@link Voice}s: plays a list of notes sample-accurately, block by
 * block. Voices come from a fixed pool; when all are busy the oldest is taken over.
 */
public final class NoteSynth implements BlockSource {
    private final int rate;
    private final NoteEvent[] notes;
    private final Voice[] pool;
    private final boolean[] active;
    private final long[] startedAt;
    private final long seed;
    private final float gain;
    private int next;
    private long pos;

    public NoteSynth(int rate, List<NoteEvent> notes, int polyphony, Supplier<Voice> voices, long seed, float gain) {
        this.rate = rate;
        this.notes = notes.stream().sorted((a, b) -> Long.compare(a.startFrame(), b.startFrame())).toArray(NoteEvent[]::new);
        this.pool = new Voice[polyphony];
        for (int i = 0; i < polyphony; i++) pool[i] = voices.get();
        this.active = new boolean[polyphony];
        this.startedAt = new long[polyphony];
        this.seed = seed;
        this.gain = gain;
    }

    @Override
    public void render(float[] left, float[] right, int frames) {
        Arrays.fill(left, 0, frames, 0f);
        Arrays.fill(right, 0, frames, 0f);
        long end = pos + frames;
        int from = 0;
        // Voices run in segments between note starts, so a note starts on its exact frame.
        while (true) {
            int segEnd = frames;
            if (next < notes.length && notes[next].startFrame() < end)
                segEnd = (int) Math.max(from, notes[next].startFrame() - pos);
            renderVoices(left, right, from, segEnd);
            from = segEnd;
            if (from >= frames) break;
            while (next < notes.length && notes[next].startFrame() - pos <= from) {
                NoteEvent n = notes[next];
                long skipped = pos + from - n.startFrame();
                if (n.lengthFrames() - skipped > 0) {
                    int v = freeVoice();
                    pool[v].start(rate, n, seed * 0x9E3779B97F4A7C15L + next);
                    active[v] = true;
                    startedAt[v] = n.startFrame();
                }
                next++;
            }
        }
        if (gain != 1f) for (int i = 0; i < frames; i++) { left[i] *= gain; right[i] *= gain; }
        pos = end;
    }

    private void renderVoices(float[] left, float[] right, int from, int to) {
        if (to <= from) return;
        for (int v = 0; v < pool.length; v++) {
            if (!active[v]) continue;
            Voice voice = pool[v];
            if (!voice.render(left, right, from, to)) active[v] = false;
            voice.age += to - from;
        }
    }

    private int freeVoice() {
        int oldest = 0;
        for (int v = 0; v < pool.length; v++) {
            if (!active[v]) return v;
            if (startedAt[v] < startedAt[oldest]) oldest = v;
        }
        return oldest;
    }
}
