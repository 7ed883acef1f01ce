package io.producer.engine.audio;

/**
 * Stereo floating-point audio, nominally in [-1, 1]. The arrays are owned by the buffer: stages
 * that change audio write into buffers they allocated, never into one they were given.
 */
public record AudioBuffer(int sampleRate, float[] left, float[] right) implements AudioTrack {
    public AudioBuffer {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate too low: " + sampleRate);
        if (left.length != right.length) throw new IllegalArgumentException("channels differ in length");
    }

    public static AudioBuffer silence(int sampleRate, int frames) {
        return new AudioBuffer(sampleRate, new float[frames], new float[frames]);
    }

    @Override public int frames() { return left.length; }

    @Override public double durationSeconds() { return (double) left.length / sampleRate; }

    @Override
    public void read(int from, float[] l, float[] r, int n) {
        int n0 = Math.max(0, Math.min(n, -from)), end = Math.max(n0, Math.min(n, left.length - from));
        java.util.Arrays.fill(l, 0, n0, 0f);
        java.util.Arrays.fill(r, 0, n0, 0f);
        if (end > n0) {
            System.arraycopy(left, from + n0, l, n0, end - n0);
            System.arraycopy(right, from + n0, r, n0, end - n0);
        }
        java.util.Arrays.fill(l, end, n, 0f);
        java.util.Arrays.fill(r, end, n, 0f);
    }
}
