package io.producer.engine.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ffmpeg's ebur128 filter as an independent reference measurement. */
final class Ffmpeg {
    record Loudness(double integratedLufs, double truePeakDbtp) {}

    private Ffmpeg() {}

    static Loudness ebur128(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(),
                "-af", "ebur128=peak=true", "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("ffmpeg failed: " + out);
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher tp = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.inf]+) dBFS").matcher(summary);
        if (!i.find() || !tp.find()) throw new IOException("unexpected ffmpeg output: " + summary);
        return new Loudness(Double.parseDouble(i.group(1)), Double.parseDouble(tp.group(1).replace("-inf", "-200")));
    }

    static Path writeTemp(Path dir, String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }
}
