package io.producer.engine.audio;

import java.util.Arrays;

/**
 * Finished stereo audio at 16-bit PCM, the resolution every WAV and MP3 is made from, kept in
 * chunks of {@value #CHUNK} frames. A four-minute song is 46 MB this way instead of 92 MB as
 * floats, and no single array is large enough for the garbage collector to need a contiguous run
 * of regions for it. Immutable; samples convert with {@link Wav#toPcm16} and back by /32768, so a
 * float that came from a PcmAudio converts to the same sample again.
 */
public final class PcmAudio implements AudioTrack {
    static final int CHUNK = 1 << 15;
    private static final short[] ZEROS = new short[2 * CHUNK];

    private final int sampleRate;
    private final int frames;
    private final short[][] chunks; // interleaved L, R

    private PcmAudio(int sampleRate, int frames, short[][] chunks) {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate too low: " + sampleRate);
        this.sampleRate = sampleRate;
        this.frames = frames;
        this.chunks = chunks;
    }

    /** Silence; its chunks share one zeroed array, so it costs (almost) nothing. */
    public static PcmAudio silence(int sampleRate, int frames) {
        short[][] c = new short[chunkCount(frames)][];
        Arrays.fill(c, ZEROS);
        return new PcmAudio(sampleRate, frames, c);
    }

    public static PcmAudio of(AudioBuffer audio) {
        Writer w = new Writer(audio.sampleRate(), audio.frames());
        w.write(audio.left(), audio.right(), 0, audio.frames());
        return w.finish();
    }

    private static int chunkCount(int frames) { return (frames + CHUNK - 1) / CHUNK; }

    @Override public int sampleRate() { return sampleRate; }

    @Override public int frames() { return frames; }

    @Override
    public void read(int from, float[] left, float[] right, int n) {
        for (int k = 0; k < n; ) {
            int i = from + k;
            if (i >= frames || i < 0) {
                if (i < 0) { left[k] = 0; right[k] = 0; k++; continue; }
                Arrays.fill(left, k, n, 0f);
                Arrays.fill(right, k, n, 0f);
                return;
            }
            short[] c = chunks[i / CHUNK];
            int off = i % CHUNK, m = Math.min(n - k, Math.min(CHUNK - off, frames - i));
            for (int j = 0; j < m; j++) {
                left[k + j] = c[2 * (off + j)] / 32768f;
                right[k + j] = c[2 * (off + j) + 1] / 32768f;
            }
            k += m;
        }
    }

    /** Writes frames {@code [from, from + n)} as little-endian 16-bit stereo into {@code out} at {@code at}. */
    void copyPcm16(int from, int n, byte[] out, int at) {
        int p = at;
        for (int k = 0; k < n; ) {
            int i = from + k;
            short[] c = chunks[i / CHUNK];
            int off = i % CHUNK, m = Math.min(n - k, CHUNK - off);
            for (int j = 2 * off, end = 2 * (off + m); j < end; j++) {
                short s = c[j];
                out[p++] = (byte) s;
                out[p++] = (byte) (s >> 8);
            }
            k += m;
        }
    }

    /** The samples as floats (a new buffer each call: for analysis, splicing and tests, not for inner loops). */
    public AudioBuffer toFloat() {
        float[] l = new float[frames], r = new float[frames];
        read(0, l, r, frames);
        return new AudioBuffer(sampleRate, l, r);
    }

    /** Same rate, length and samples. */
    public boolean sameAudio(PcmAudio o) {
        if (o.sampleRate != sampleRate || o.frames != frames) return false;
        for (int c = 0; c < chunks.length; c++) {
            int len = 2 * Math.min(CHUNK, frames - c * CHUNK);
            if (!Arrays.equals(chunks[c], 0, len, o.chunks[c], 0, len)) return false;
        }
        return true;
    }

    /** Builds a PcmAudio front to back. */
    public static final class Writer {
        private final int sampleRate, frames;
        private final short[][] chunks;
        private final short[] ql = new short[CHUNK], qr = new short[CHUNK];
        private int written;

        public Writer(int sampleRate, int frames) {
            this.sampleRate = sampleRate;
            this.frames = frames;
            this.chunks = new short[chunkCount(frames)][];
        }

        /** Appends {@code n} frames from {@code left/right} at {@code offset}. */
        public void write(float[] left, float[] right, int offset, int n) {
            if (written + n > frames) throw new IllegalStateException("more frames than announced");
            for (int k = 0; k < n; ) {
                int i = written + k, ci = i / CHUNK, off = i % CHUNK;
                if (chunks[ci] == null) chunks[ci] = new short[2 * Math.min(CHUNK, frames - ci * CHUNK)];
                short[] c = chunks[ci];
                int m = Math.min(n - k, CHUNK - off);
                // each channel rounds in a loop of its own (vectorised), then they are interleaved
                Wav.toPcm16(left, offset + k, ql, m);
                Wav.toPcm16(right, offset + k, qr, m);
                for (int j = 0; j < m; j++) {
                    c[2 * (off + j)] = ql[j];
                    c[2 * (off + j) + 1] = qr[j];
                }
                k += m;
            }
            written += n;
        }

        public PcmAudio finish() {
            if (written != frames) throw new IllegalStateException("wrote " + written + " of " + frames + " frames");
            return new PcmAudio(sampleRate, frames, chunks);
        }
    }
}
