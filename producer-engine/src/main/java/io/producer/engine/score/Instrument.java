package io.producer.engine.score;

/**
 * What plays a part. {@code synth} names one of the engine's own DSP synths ("supersaw", "sub808",
 * "pad", "vinyl", ...); when it is null the part is played by the General MIDI SoundFont with
 * {@code gmProgram} (0-based), or by the GM drum kit when {@code drums} is set.
 */
public record Instrument(String id, int gmProgram, boolean drums, String synth) {
    public static Instrument gm(String id, int program) { return new Instrument(id, program, false, null); }
    public static Instrument drumKit(String id, int kitProgram) { return new Instrument(id, kitProgram, true, null); }
    public static Instrument synth(String id, String synth) { return new Instrument(id, 0, false, synth); }
}
