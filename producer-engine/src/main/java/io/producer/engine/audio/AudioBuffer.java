package io.producer.engine.audio;

/**
 * Stereo floating-point audio, nominally in [-1, 1]. The arrays are owned by the buffer: stages
 * that change audio write into buffers they allocated, never into one they were given.
 */
public record AudioBuffer(int sampleRate, float[] left, float[] right) {
    public AudioBuffer {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate too low: " + sampleRate);
        if (left.length != right.length) throw new IllegalArgumentException("channels differ in length");
    }

    public static AudioBuffer silence(int sampleRate, int frames) {
        return new AudioBuffer(sampleRate, new float[frames], new float[frames]);
    }

    public int frames() { return left.length; }

    public double durationSeconds() { return (double) left.length / sampleRate; }
}
