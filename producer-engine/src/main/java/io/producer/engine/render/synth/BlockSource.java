package io.producer.engine.render.synth;

/**
 * One part's audio, pulled block by block in time order. Implementations keep their state between
 * calls and allocate nothing per block.
 */
public interface BlockSource extends AutoCloseable {
    /** Writes the next {@code frames} frames into {@code left[0..frames)} and {@code right[0..frames)}, overwriting them. */
    void render(float[] left, float[] right, int frames);

    @Override default void close() {}
}
