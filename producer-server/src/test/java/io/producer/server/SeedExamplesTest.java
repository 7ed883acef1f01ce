package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.producer.engine.audio.Mp3;
import io.producer.engine.audio.Wav;
import io.producer.server.api.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every /create body of the user's document (test resource seed/producer-api-examples.txt, a copy
 * of the seed), sent as written, with clip_id placeholders replaced by a real clip of the caller:
 * each is accepted and reaches SUCCESS with an MP3 and a WAV whose length matches clip.duration
 * within 0.1 s. The documents' webhook hosts can't be reached from here; the tasks finish anyway.
 */
class SeedExamplesTest {
    /** The JSON objects of the document that carry a task_type, in document order. */
    static List<String> createBodies() throws IOException {
        String doc;
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seed/producer-api-examples.txt")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> bodies = new ArrayList<>();
        StringBuilder current = null;
        int depth = 0;
        for (String line : doc.split("\n")) {
            if (current == null && line.endsWith("{")) {   // some bodies follow prose on the same line
                current = new StringBuilder();
                depth = 0;
                line = "{";
            }
            if (current == null) continue;
            current.append(line).append('\n');
            for (char ch : line.toCharArray()) {
                if (ch == '{') depth++;
                else if (ch == '}') depth--;
            }
            if (depth == 0) {
                String body = current.toString();
                if (body.contains("\"task_type\"")) bodies.add(body);
                current = null;
            }
        }
        return bodies;
    }

    @Test void everyCreateBodyOfTheSeedReachesSuccess() throws Exception {
        List<String> bodies = createBodies();
        assertEquals(38, bodies.size(), "the seed has 38 /create bodies");
        try (TestServer t = new TestServer(c -> c.withWorkers(2).withQueueLimit(100))) {
            String key = t.key(10 * bodies.size());
            // the first example (a full song with lyrics) is the source clip of every edit example
            String first = bodies.get(0);
            assertTrue(!Json.MAPPER.readTree(first).has("clip_id"));
            TestServer.Response r0 = t.post("/api/v1/producer/create", key, first);
            assertEquals(200, r0.status(), r0.body());
            JsonNode source = UploadTest.success(t, r0.json().get("task_id").asText(), key);
            assertTrue(source.get("duration").asDouble() > 90,
                    "the seed's edits start at up to 90 s, so its first song must be longer: " + source.get("duration"));
            String clipId = source.get("clip_id").asText();

            Map<String, String> tasks = new LinkedHashMap<>();
            tasks.put(r0.json().get("task_id").asText(), first);
            for (String body : bodies.subList(1, bodies.size())) {
                JsonNode parsed = Json.MAPPER.readTree(body);
                String sent = parsed.has("clip_id")
                        ? body.replace("\"" + parsed.get("clip_id").asText() + "\"", "\"" + clipId + "\"") : body;
                TestServer.Response r = t.post("/api/v1/producer/create", key, sent);
                assertEquals(200, r.status(), () -> sent + " -> " + r.body());
                assertEquals("success", r.json().get("message").asText());
                tasks.put(r.json().get("task_id").asText(), sent);
            }
            for (Map.Entry<String, String> e : tasks.entrySet()) {
                TestServer.Response done = t.await(e.getKey(), key, Duration.ofMinutes(20));
                assertEquals("SUCCESS", done.json().get("status").asText(), () -> e.getValue() + " -> " + done.body());
                JsonNode clip = done.json().get("data").get(0);
                JsonNode request = Json.MAPPER.readTree(e.getValue());
                checkClip(t, clip, (ObjectNode) request);
            }
            assertEquals(0, t.get("/api/v1/get-credits", key).json().get("credits").asInt(), "10 credits per task");
        }
    }

    static void checkClip(TestServer t, JsonNode clip, ObjectNode request) {
        double duration = clip.get("duration").asDouble();
        assertTrue(duration > 1, clip.toString());
        assertEquals(request.path("mv").asText("FUZZ-2.0"), clip.get("mv").asText());
        if (request.has("seed")) assertEquals(request.get("seed").asText(), clip.get("seed").asText());
        else assertTrue(clip.get("seed").asText().matches("\\d+"), clip.toString());
        if (request.has("title")) assertEquals(request.get("title").asText(), clip.get("title").asText());
        if (request.has("cover_url")) assertEquals(request.get("cover_url").asText(), clip.get("image_url").asText());
        else assertTrue(clip.get("image_url").asText().contains("/files/"), clip.toString());
        TestServer.Response mp3 = t.get(clip.get("audio_url").asText(), null);
        assertEquals(200, mp3.status());
        assertEquals(duration, Mp3.decode(mp3.raw().body()).durationSeconds(), 0.1, "MP3 of " + request);
        TestServer.Response wav = t.get(clip.get("wav_url").asText(), null);
        assertEquals(200, wav.status());
        assertEquals(duration, Wav.decode(wav.raw().body()).durationSeconds(), 0.1, "WAV of " + request);
    }
}
