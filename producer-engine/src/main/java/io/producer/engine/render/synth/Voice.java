package io.producer.engine.render.synth;

/** One sounding note of a {@link NoteSynth}. Reused from a pool: {@link #start} resets all state. */
public abstract class Voice {
    protected int rate;
    protected long age;          // frames since note on
    protected long length;       // frames until note off
    protected double hz;
    protected double midi;
    protected float velocity;
    protected long seed;

    final void start(int rate, NoteEvent n, long seed) {
        this.rate = rate;
        this.age = 0;
        this.length = Math.max(1, n.lengthFrames());
        this.midi = n.midi();
        this.hz = Oscillators.midiToHz(n.midi());
        this.velocity = n.velocity();
        this.seed = seed;
        onStart();
    }

    protected abstract void onStart();

    /** Adds frames [from, to) into the block; returns false once the voice has fallen silent for good. */
    protected abstract boolean render(float[] left, float[] right, int from, int to);

    /** Whether the note is still held at the voice's current age. */
    protected final boolean held() { return age < length; }
}
