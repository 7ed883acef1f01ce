package io.producer.server.cli;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Mp3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code producer render}: a song to an MP3 file with no server and no database. */
class RenderCommandTest {
    @Test void rendersAnMp3Offline(@TempDir Path dir) throws Exception {
        Path lyrics = dir.resolve("lyrics.txt");
        Files.writeString(lyrics, "[Verse]\nPaper boats on a silver stream\nFloating off like a morning dream\n");
        Path out = dir.resolve("song.mp3");
        CliTest.Run run = CliTest.run("render", "--sound", "gentle acoustic folk", "--lyrics", lyrics.toString(),
                "--out", out.toString(), "--seed", "5", "--title", "Paper Boats");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().contains("seed 5"), run.out());
        AudioBuffer audio = Mp3.decode(Files.readAllBytes(out));
        assertTrue(audio.durationSeconds() > 5, "duration " + audio.durationSeconds());
        float peak = 0;
        for (float v : audio.left()) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak > 0.05, "not silent: peak " + peak);
        assertEquals(2, CliTest.run("render", "--out", dir.resolve("x.mp3").toString()).code(), "nothing to render");
        assertEquals(2, CliTest.run("render", "--sound", "pop", "--out", dir.resolve("x.ogg").toString()).code(), "unknown format");
    }
}
