package io.producer.engine.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each phone lasts when the kal voice speaks: the mean phone durations of FreeTTS's
 * duration model ({@code dur_stat.txt}, the statistics its duration CART scales by z-scores),
 * read from the FreeTTS jar the diphones come from. Sung consonants keep about these lengths,
 * because consonants squeezed or stretched away from them are what a listener loses first.
 */
final class SpokenDurations {
    private SpokenDurations() {}

    private static final String RESOURCE = "/com/sun/speech/freetts/en/us/dur_stat.txt";
    private static final Map<String, Double> MEAN = load();

    /** Mean spoken length in seconds of a kal phone. */
    static double seconds(String phone) {
        Double d = MEAN.get(phone);
        if (d == null) throw new IllegalArgumentException("no spoken duration for phone " + phone);
        return d;
    }

    private static Map<String, Double> load() {
        try (InputStream in = SpokenDurations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("FreeTTS duration statistics missing from the classpath: " + RESOURCE);
            Map<String, Double> mean = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("***") || line.isBlank()) continue;
                String[] f = line.trim().split("\\s+");
                mean.put(f[0], Double.parseDouble(f[1]));
            }
            return Map.copyOf(mean);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
