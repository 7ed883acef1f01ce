package io.producer.engine;

import java.nio.file.Path;

/**
 * How the engine is set up on this machine. {@code soundFont} is the General MIDI .sf2 the
 * sampled instruments come from (null: {@link #DEFAULT_SOUNDFONT} when present, else the built-in
 * sound set with a warning).
 */
public record EngineOptions(Path soundFont) {
    public static final Path DEFAULT_SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    public static EngineOptions defaults() {
        String env = System.getenv("PRODUCER_SOUNDFONT");
        return new EngineOptions(env == null || env.isBlank() ? null : Path.of(env));
    }
}
