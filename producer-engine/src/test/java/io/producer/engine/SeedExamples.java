package io.producer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The request bodies of the user's seed document (a copy under test resources), parsed as JSON. */
public final class SeedExamples {
    private SeedExamples() {}

    public static List<JsonNode> requests() {
        String text;
        try (InputStream in = SeedExamples.class.getResourceAsStream("/seed/producer-api-examples.txt")) {
            if (in == null) throw new IllegalStateException("seed examples missing from test resources");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        int i = 0;
        while ((i = text.indexOf("{\n\"", i)) >= 0) {
            int depth = 0, j = i;
            boolean inString = false;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (inString) {
                    if (c == '\\') j++;
                    else if (c == '"') inString = false;
                } else if (c == '"') inString = true;
                else if (c == '{') depth++;
                else if (c == '}' && --depth == 0) break;
            }
            try {
                JsonNode n = m.readTree(text.substring(i, j + 1));
                if (n.has("task_type") || n.has("sound") || n.has("lyrics")) out.add(n);
            } catch (IOException e) {
                // response examples and tables are not request bodies
            }
            i = j + 1;
        }
        return out;
    }

    public static List<String> sounds() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : requests()) if (n.hasNonNull("sound")) out.add(n.get("sound").asText());
        return out;
    }

    public static List<String> lyrics() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : requests()) if (n.hasNonNull("lyrics")) out.add(n.get("lyrics").asText());
        return out;
    }

    /** The create_music requests. */
    public static List<JsonNode> creates() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : requests()) if ("create_music".equals(n.path("task_type").asText())) out.add(n);
        return out;
    }

    public static SongRequest toRequest(JsonNode n, String defaultSeed) {
        return new SongRequest(text(n, "sound"), text(n, "lyrics"), text(n, "title"),
                n.has("mv") ? Profile.byMv(n.get("mv").asText()) : Profile.DEFAULT,
                n.has("seed") ? n.get("seed").asText() : defaultSeed,
                n.path("make_instrumental").asBoolean(false),
                n.path("lyrics_strength").asDouble(0.5), n.path("sound_strength").asDouble(0.5),
                n.path("weirdness").asDouble(0.5), n.path("cover_strength").asDouble(0.5));
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }
}
