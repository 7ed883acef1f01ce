package io.producer.engine.audio;

import java.util.Arrays;

/**
 * Float stereo working audio of a known length, kept in chunks of {@value #CHUNK} frames that are
 * allocated when first written and can be released once a stage has consumed them. The render
 * adds its parts into these, and the mixer processes them in place and drops each chunk as soon as
 * it has turned it into delivered audio, so a song's stems never exist twice at float resolution.
 */
public final class StereoChunks implements AudioTrack {
    public static final int CHUNK = 1 << 15;

    private final int sampleRate, frames;
    private final float[][] left, right;
    private int releasedBelow; // chunks before this index are gone

    public StereoChunks(int sampleRate, int frames) {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate too low: " + sampleRate);
        this.sampleRate = sampleRate;
        this.frames = frames;
        int n = (frames + CHUNK - 1) / CHUNK;
        left = new float[n][];
        right = new float[n][];
    }

    public static StereoChunks copyOf(AudioTrack src) {
        StereoChunks c = new StereoChunks(src.sampleRate(), src.frames());
        for (int i = 0; i < c.left.length; i++) {
            c.allocate(i);
            src.read(i * CHUNK, c.left[i], c.right[i], c.left[i].length);
        }
        return c;
    }

    @Override public int sampleRate() { return sampleRate; }

    @Override public int frames() { return frames; }

    public int chunks() { return left.length; }

    /** Frames of chunk {@code i} (the last one may be short). */
    public int chunkFrames(int i) { return Math.min(CHUNK, frames - i * CHUNK); }

    private void allocate(int i) {
        if (i < releasedBelow) throw new IllegalStateException("chunk " + i + " was already released");
        if (left[i] == null) {
            left[i] = new float[chunkFrames(i)];
            right[i] = new float[chunkFrames(i)];
        }
    }

    /** The left channel of chunk {@code i}, allocated (zeroed) if it was never written: for processing in place. */
    public float[] left(int i) { allocate(i); return left[i]; }

    public float[] right(int i) { allocate(i); return right[i]; }

    /** Adds {@code n} frames of {@code l/r} into frames {@code [at, at + n)}. Not thread-safe: callers serialise writers. */
    public void add(int at, float[] l, float[] r, int n) {
        for (int k = 0; k < n; ) {
            int i = at + k, ci = i / CHUNK, off = i % CHUNK;
            allocate(ci);
            float[] cl = left[ci], cr = right[ci];
            int m = Math.min(n - k, CHUNK - off);
            for (int j = 0; j < m; j++) { cl[off + j] += l[k + j]; cr[off + j] += r[k + j]; }
            k += m;
        }
    }

    @Override
    public void read(int from, float[] l, float[] r, int n) {
        for (int k = 0; k < n; ) {
            int i = from + k;
            if (i < 0) { l[k] = 0; r[k] = 0; k++; continue; }
            if (i >= frames) { Arrays.fill(l, k, n, 0f); Arrays.fill(r, k, n, 0f); return; }
            int ci = i / CHUNK, off = i % CHUNK, m = Math.min(n - k, chunkFrames(ci) - off);
            if (ci < releasedBelow) throw new IllegalStateException("frame " + i + " was already released");
            if (left[ci] == null) { Arrays.fill(l, k, k + m, 0f); Arrays.fill(r, k, k + m, 0f); }
            else { System.arraycopy(left[ci], off, l, k, m); System.arraycopy(right[ci], off, r, k, m); }
            k += m;
        }
    }

    /** Drops every chunk that lies wholly before frame {@code frame}; reading them afterwards is an error. */
    public void releaseBefore(int frame) {
        int upTo = Math.min(left.length, frame / CHUNK);
        for (int i = releasedBelow; i < upTo; i++) { left[i] = null; right[i] = null; }
        releasedBelow = Math.max(releasedBelow, upTo);
    }

    public AudioBuffer toAudioBuffer() {
        float[] l = new float[frames], r = new float[frames];
        read(0, l, r, frames);
        return new AudioBuffer(sampleRate, l, r);
    }
}
