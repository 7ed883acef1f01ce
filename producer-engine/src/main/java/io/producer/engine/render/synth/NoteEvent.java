package io.producer.engine.render.synth;

/** A note as the synths see it: start and length in frames, MIDI pitch (fractional for detuned layers), velocity 0-1. */
public record NoteEvent(long startFrame, long lengthFrames, double midi, float velocity) {}
