package io.producer.engine.audio;

/**
 * Whole-song stereo audio that a stage reads block by block, whatever it is stored as: a plain
 * {@link AudioBuffer}, 16-bit {@link PcmAudio}, or the render's {@link StereoChunks}. Reading never
 * changes the audio.
 */
public interface AudioTrack {
    int sampleRate();

    int frames();

    /** Copies frames {@code [from, from + n)} into {@code left[0..n)} and {@code right[0..n)}; frames past the end read as silence. */
    void read(int from, float[] left, float[] right, int n);

    default double durationSeconds() { return (double) frames() / sampleRate(); }
}
