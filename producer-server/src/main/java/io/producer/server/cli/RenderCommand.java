package io.producer.server.cli;

import io.producer.engine.Engine;
import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.Song;
import io.producer.engine.SongRequest;
import io.producer.engine.audio.Wav;
import io.producer.server.api.RequestValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code producer render}: one song, offline, no server and no database. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a song offline to an MP3 or WAV file (the format follows the --out extension).")
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--sound", description = "Style description, e.g. \"upbeat pop with piano\".") String sound;
    @Option(names = "--lyrics", paramLabel = "FILE", description = "Text file with the lyrics ([Verse]/[Chorus] tags).") Path lyricsFile;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file: .mp3 or .wav.") Path out;
    @Option(names = "--title", description = "Song title.") String title;
    @Option(names = "--seed", description = "Seed string (a random one is drawn and printed when absent).") String seed;
    @Option(names = "--mv", defaultValue = "FUZZ-2.0", description = "Model profile: ${COMPLETION-CANDIDATES}.",
            completionCandidates = MvNames.class) String mv;
    @Option(names = "--instrumental", description = "No vocals.") boolean instrumental;

    static final class MvNames extends java.util.ArrayList<String> {
        MvNames() { super(Profile.mvNames()); }
    }

    @Override public Integer call() throws Exception {
        String lyrics = lyricsFile == null ? null : Files.readString(lyricsFile, StandardCharsets.UTF_8);
        if ((sound == null || sound.isBlank()) && (lyrics == null || lyrics.isBlank())) {
            System.err.println("render: give --sound, --lyrics FILE, or both");
            return 2;
        }
        Profile profile = Profile.byMv(mv);
        if (profile == null) {
            System.err.println("render: unknown --mv '" + mv + "'; one of: " + String.join(", ", Profile.mvNames()));
            return 2;
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean wav = name.endsWith(".wav");
        if (!wav && !name.endsWith(".mp3")) {
            System.err.println("render: --out must end in .mp3 or .wav");
            return 2;
        }
        String s = seed != null ? seed : RequestValidator.drawSeed();
        SongRequest request = new SongRequest(sound, lyrics, title, profile, s, instrumental,
                SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH);
        long t0 = System.nanoTime();
        Song song;
        try (Engine engine = new Engine(EngineOptions.defaults())) {
            song = engine.create(request);
        }
        byte[] bytes = wav ? Wav.encode(song.mix()) : song.mp3(profile);
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, bytes);
        System.out.printf(Locale.ROOT, "wrote %s: %.2f s of audio, %s, seed %s, rendered in %.1f s%n", out,
                song.durationSeconds(), profile.mv(), s, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
