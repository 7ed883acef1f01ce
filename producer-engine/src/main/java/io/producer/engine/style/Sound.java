package io.producer.engine.style;

/**
 * How a role of a genre's palette sounds: a General MIDI program (0-based) and, optionally, one of
 * the engine's DSP synths that does the job better when the profile allows them ({@code synth}
 * null: always the GM program). {@code program} -1 means the role is not played in this genre.
 */
public record Sound(int program, String synth) {
    public static final Sound NONE = new Sound(-1, null);

    public static Sound gm(int program) { return new Sound(program, null); }

    public static Sound dsp(String synth, int fallbackProgram) { return new Sound(fallbackProgram, synth); }

    public boolean present() { return program >= 0 || synth != null; }
}
