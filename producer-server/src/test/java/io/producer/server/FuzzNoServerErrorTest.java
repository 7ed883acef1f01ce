package io.producer.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and mutated bodies, paths and headers against every endpoint: none may be answered with
 * a 5xx, and every 4xx carries the JSON error envelope.
 */
class FuzzNoServerErrorTest {
    static TestServer t;
    static String key;

    @BeforeAll static void up() {
        t = new TestServer(c -> c.withWorkers(0).withQueueLimit(100_000));
        key = t.key(1_000_000);
    }

    @AfterAll static void down() { t.close(); }

    static final String[] FIELDS = {"task_type", "mv", "sound", "lyrics", "title", "seed", "make_instrumental",
            "lyrics_strength", "sound_strength", "weirdness", "cover_strength", "clip_id", "starts_at", "ends_at",
            "cover_url", "webhook_url", "webhook_secret", "audio_url", "format"};
    static final String[] VALUES = {"null", "true", "false", "0", "-1", "1e308", "-1e308", "1e999", "0.5", "3.4", "\"\"",
            "\"create_music\"", "\"extend_music\"", "\"replace_music\"", "\"swap_music_sound\"", "\"music_variation\"",
            "\"FUZZ-2.0\"", "\"https://example.com/x\"", "\"http://127.0.0.1/\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}",
            "[1,[2,[3]]]", "{\"a\":{\"b\":null}}", "\"mp3\"", "\"wav\"", "12345678901234567890123456789", "\"" + "x".repeat(5000) + "\""};

    @Test void randomBodiesNeverCause5xx() {
        SplittableRandom r = new SplittableRandom(20261124);
        String[] paths = {"/api/v1/producer/create", "/api/v1/producer/upload", "/api/v1/producer/download"};
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder("{");
            int n = r.nextInt(8);
            for (int j = 0; j < n; j++) {
                if (j > 0) b.append(',');
                b.append('"').append(FIELDS[r.nextInt(FIELDS.length)]).append("\":").append(VALUES[r.nextInt(VALUES.length)]);
            }
            b.append('}');
            String body = b.toString();
            if (r.nextInt(10) == 0) body = body.substring(0, r.nextInt(body.length() + 1)); // truncated
            if (r.nextInt(20) == 0) body = "[" + body + "]";
            String path = paths[r.nextInt(paths.length)];
            TestServer.Response resp = t.post(path, key, body);
            if (resp.status() >= 500 || (resp.status() >= 400 && (resp.json() == null || !resp.json().has("message")))) {
                failures.add(path + " " + body + " -> " + resp.status() + " " + resp.body());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, e.g. " + failures.get(0));
    }

    @Test void oddPathsAndHeadersNeverCause5xx() {
        String[] paths = {"/api/v1/producer/task/", "/api/v1/producer/task/%00", "/api/v1/producer/task/..%2F..%2Fetc",
                "/api/v1/producer/task/" + "a".repeat(3000), "/api/v1/producer/clip/x/timeline", "/api/v1/producer/clip/x/extras",
                "/api/v1/producer/clip/%E2%82%AC", "/files/abc", "/files/" + "0".repeat(32) + ".mp3?expires=x&sig=y",
                "/files/" + "0".repeat(32) + ".mp3?expires=99999999999999999999&sig=y", "/nope", "/api/v1/nope", "/docs",
                "/openapi.json", "/health", "/ready", "/metrics"};
        List<String> failures = new ArrayList<>();
        for (String p : paths) {
            for (String auth : new String[]{null, "Bearer " + key, "Bearer", "Basic xyz", "Bearer " + "k".repeat(5000)}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(p))).GET();
                if (auth != null) b.header("Authorization", auth);
                TestServer.Response resp = t.send(b.build());
                if (resp.status() >= 500) failures.add(p + " [" + auth + "] -> " + resp.status() + " " + resp.body());
            }
        }
        for (String ct : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            TestServer.Response resp = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/v1/producer/create")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", ct)
                    .POST(HttpRequest.BodyPublishers.ofString("task_type=create_music&sound=pop")).build());
            if (resp.status() >= 500) failures.add(ct + " -> " + resp.status());
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
