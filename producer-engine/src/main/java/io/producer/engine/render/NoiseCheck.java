package io.producer.engine.render;

import io.producer.engine.render.synth.BlockSource;

import java.nio.file.Path;
import java.util.List;

/**
 * Listens to a freshly loaded SoundFont once: a piano chord must come out as a chord. Gervill
 * loads an .sf3 (Ogg-compressed samples) without complaint and then plays the compressed bytes as
 * PCM — full-scale broadband noise — so such a file is refused here, before any song is rendered.
 */
final class NoiseCheck {
    static final double MAX_FLATNESS = 0.3;

    private NoiseCheck() {}

    /** What a C major chord on {@code program} sounds like: spectral flatness and crest factor of the left channel. */
    record Result(double flatness, double crest) {
        boolean silent() { return Double.isNaN(flatness); }
        boolean noise() { return flatness > MAX_FLATNESS || crest < 2.0; }
    }

    static Result listen(SoundFontBank bank, int program) {
        int rate = 44100;
        List<GervillSource.Event> chord = List.of(
                GervillSource.Event.noteOn(0, 0, 60, 100), GervillSource.Event.noteOn(0, 0, 64, 100), GervillSource.Event.noteOn(0, 0, 67, 100),
                GervillSource.Event.noteOff(900_000, 0, 60), GervillSource.Event.noteOff(900_000, 0, 64), GervillSource.Event.noteOff(900_000, 0, 67));
        int frames = rate;
        float[] l = new float[frames], r = new float[frames];
        try (BlockSource src = new GervillSource(bank, rate, "linear", List.of(new GervillSource.Program(0, program, false)), chord)) {
            src.render(l, r, frames);
        }
        return new Result(SoundCheck.spectralFlatness(l, 0, frames), SoundCheck.crestFactor(l, 0, frames));
    }

    static void requireMusical(SoundFontBank bank, Path path) {
        Result piano = listen(bank, 0);
        double flatness = piano.flatness(), crest = piano.crest();
        if (piano.silent())
            throw new IllegalStateException("SoundFont " + path + " plays silence for a piano chord; " + SoundFontBank.INSTALL_HINT);
        if (piano.noise())
            throw new IllegalStateException(String.format(
                    "SoundFont %s plays noise instead of notes (spectral flatness %.2f, crest %.1f): it is probably an .sf3 with "
                            + "compressed samples, which the JDK synthesizer cannot decode. Use an .sf2; %s", path, flatness, crest, SoundFontBank.INSTALL_HINT));
    }
}
