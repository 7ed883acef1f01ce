package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Mp3;
import io.producer.engine.audio.Wav;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One song of key A, then: key B can't see A's task, clip (as the clip_id of an edit, a download,
 * the timeline or extras) or files; and the signed file URLs behave (types, ranges, ETag, tampering).
 */
class IsolationAndFilesTest {
    static TestServer t;
    static String keyA, keyB;
    static String taskA;
    static JsonNode clipA;

    @BeforeAll static void song() {
        t = new TestServer(c -> c.withWorkers(1));
        keyA = t.key(100);
        keyB = t.key(100);
        TestServer.Response r = t.post("/api/v1/producer/create", keyA, "{\"task_type\":\"create_music\",\"sound\":\"short lofi hip hop beat\","
                + "\"lyrics\":\"[Verse]\\nRain on the window\\nCoffee in my hand\",\"title\":\"Isolation\",\"seed\":\"42\"}");
        assertEquals(200, r.status(), r.body());
        taskA = r.json().get("task_id").asText();
        TestServer.Response done = t.await(taskA, keyA, Duration.ofSeconds(300));
        assertEquals("SUCCESS", done.json().get("status").asText(), done.body());
        clipA = done.json().get("data").get(0);
        assertEquals(90, t.get("/api/v1/get-credits", keyA).json().get("credits").asInt());
    }

    @AfterAll static void down() { t.close(); }

    @Test void clipObjectCarriesEveryReferenceField() {
        for (String f : new String[]{"clip_id", "title", "sound", "lyrics", "audio_url", "wav_url", "image_url", "video_url",
                "created_at", "mv", "seed", "duration", "state"}) {
            assertTrue(clipA.has(f), "clip has " + f + ": " + clipA);
        }
        assertEquals("Isolation", clipA.get("title").asText());
        assertEquals("42", clipA.get("seed").asText());
        assertEquals("FUZZ-2.0", clipA.get("mv").asText());
        assertEquals("succeeded", clipA.get("state").asText());
        assertTrue(clipA.get("video_url").isNull());
        assertTrue(clipA.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), clipA.get("created_at").asText());
    }

    @Test void anotherKeySeesNothing() {
        String clipId = clipA.get("clip_id").asText();
        TestServer.Response task = t.get("/api/v1/producer/task/" + taskA, keyB);
        assertEquals(404, task.status());
        assertEquals("task not found.", task.json().get("message").asText());
        for (String type : new String[]{"extend_music", "cover_music", "replace_music", "music_variation", "swap_music_vocals", "swap_music_sound"}) {
            TestServer.Response edit = t.post("/api/v1/producer/create", keyB, "{\"task_type\":\"" + type + "\",\"clip_id\":\"" + clipId
                    + "\",\"sound\":\"rock\",\"lyrics\":\"la la\",\"starts_at\":1}");
            assertEquals(404, edit.status(), type + ": " + edit.body());
            assertTrue(edit.json().get("message").asText().contains("clip not found"));
        }
        assertEquals(404, t.post("/api/v1/producer/download", keyB, "{\"clip_id\":\"" + clipId + "\"}").status());
        assertEquals(404, t.get("/api/v1/producer/clip/" + clipId + "/timeline", keyB).status());
        assertEquals(404, t.get("/api/v1/producer/clip/" + clipId + "/extras", keyB).status());
        assertEquals(404, t.get("/api/v1/producer/clip/" + clipId, keyB).status());
        assertEquals(100, t.get("/api/v1/get-credits", keyB).json().get("credits").asInt(), "nothing charged to B");
        for (String f : new String[]{"audio_url", "wav_url", "image_url"}) {
            String url = clipA.get(f).asText();
            assertEquals(404, t.get(url, keyB).status(), f + " with B's key");
            assertEquals(200, t.get(url, keyA).status(), f + " with A's key");
            assertEquals(200, t.get(url, null).status(), f + " by its signature alone");
        }
    }

    @Test void filesAreTypedRangedAndTamperProof() throws Exception {
        String mp3Url = clipA.get("audio_url").asText();
        TestServer.Response mp3 = t.get(mp3Url, null);
        assertEquals("audio/mpeg", mp3.raw().headers().firstValue("Content-Type").orElse(""));
        AudioBuffer decoded = Mp3.decode(mp3.raw().body());
        double duration = clipA.get("duration").asDouble();
        assertEquals(duration, decoded.durationSeconds(), 0.1, "MP3 length matches clip.duration");
        TestServer.Response wav = t.get(clipA.get("wav_url").asText(), null);
        assertEquals("audio/wav", wav.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals(duration, Wav.decode(wav.raw().body()).durationSeconds(), 0.1, "WAV length matches clip.duration");
        TestServer.Response png = t.get(clipA.get("image_url").asText(), null);
        assertEquals("image/png", png.raw().headers().firstValue("Content-Type").orElse(""));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png.raw().body())));

        String etag = mp3.raw().headers().firstValue("ETag").orElseThrow();
        assertTrue(mp3.raw().headers().firstValue("Cache-Control").orElse("").startsWith("private, max-age="));
        byte[] all = mp3.raw().body();
        TestServer.Response range = t.send(HttpRequest.newBuilder(URI.create(mp3Url)).header("Range", "bytes=100-199").build());
        assertEquals(206, range.status());
        assertEquals("bytes 100-199/" + all.length, range.raw().headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 100, 200), range.raw().body());
        TestServer.Response suffix = t.send(HttpRequest.newBuilder(URI.create(mp3Url)).header("Range", "bytes=-10").build());
        assertEquals(206, suffix.status());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, all.length - 10, all.length), suffix.raw().body());
        TestServer.Response open = t.send(HttpRequest.newBuilder(URI.create(mp3Url)).header("Range", "bytes=" + (all.length - 5) + "-").build());
        assertEquals(206, open.status());
        assertEquals(5, open.raw().body().length);
        TestServer.Response beyond = t.send(HttpRequest.newBuilder(URI.create(mp3Url)).header("Range", "bytes=" + all.length + "-").build());
        assertEquals(416, beyond.status());
        assertEquals("bytes */" + all.length, beyond.raw().headers().firstValue("Content-Range").orElse(""));
        TestServer.Response cached = t.send(HttpRequest.newBuilder(URI.create(mp3Url)).header("If-None-Match", etag).build());
        assertEquals(304, cached.status());

        String tampered = mp3Url.replaceFirst("sig=.", "sig=" + (mp3Url.contains("sig=A") ? "B" : "A"));
        assertEquals(404, t.get(tampered, null).status());
        String expiresLater = mp3Url.replaceFirst("expires=(\\d+)", "expires=99999999999");
        assertEquals(404, t.get(expiresLater, null).status(), "the expiry is signed");
        String otherBlob = mp3Url.replaceFirst("/files/[0-9a-f]{32}", "/files/" + "0".repeat(32));
        assertEquals(404, t.get(otherBlob, null).status());
    }

    @Test void timelineAndExtras() throws Exception {
        String clipId = clipA.get("clip_id").asText();
        TestServer.Response timeline = t.get("/api/v1/producer/clip/" + clipId + "/timeline", keyA);
        assertEquals(200, timeline.status(), timeline.body());
        JsonNode words = timeline.json().get("data");
        assertTrue(words.isArray() && words.size() >= 4, timeline.body());
        double last = -1;
        for (JsonNode w : words) {
            assertTrue(w.get("start").asDouble() >= last - 1e-9 && w.get("end").asDouble() > w.get("start").asDouble(), w.toString());
            last = w.get("start").asDouble();
        }
        assertEquals("Rain", words.get(0).get("word").asText().replaceAll("[^A-Za-z]", ""));
        TestServer.Response extras = t.get("/api/v1/producer/clip/" + clipId + "/extras", keyA);
        assertEquals(200, extras.status(), extras.body());
        JsonNode d = extras.json().get("data");
        for (String stem : new String[]{"vocals", "drums", "bass", "other"}) {
            TestServer.Response s = t.get(d.get("stems").get(stem).asText(), null);
            assertEquals(200, s.status(), stem);
            assertEquals("audio/wav", s.raw().headers().firstValue("Content-Type").orElse(""));
            assertEquals(clipA.get("duration").asDouble(), Wav.decode(s.raw().body()).durationSeconds(), 0.1, stem);
        }
        TestServer.Response midi = t.get(d.get("midi_url").asText(), null);
        assertEquals("audio/midi", midi.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals("MThd", new String(midi.raw().body(), 0, 4));
        TestServer.Response score = t.get(d.get("score_url").asText(), null);
        assertEquals(200, score.status());
        assertTrue(io.producer.server.api.Json.MAPPER.readTree(score.raw().body()).isObject());
    }

    @Test void editWindowsMustLieInsideTheSource() {
        String clipId = clipA.get("clip_id").asText();
        double d = clipA.get("duration").asDouble();
        String dur = String.format(java.util.Locale.ROOT, "%.2f", d);
        long past = (long) Math.ceil(d) + 1;
        ApiCheck.rejected(t, keyA, "{\"task_type\":\"extend_music\",\"clip_id\":\"" + clipId + "\",\"sound\":\"rock\",\"starts_at\":" + past + "}",
                "The 'starts_at' field should be less than the source clip's duration (" + dur + " s), got " + past + ".");
        ApiCheck.rejected(t, keyA, "{\"task_type\":\"replace_music\",\"clip_id\":\"" + clipId + "\",\"sound\":\"rock\",\"starts_at\":" + past + "}",
                "The 'starts_at' field should be less than the source clip's duration");
        ApiCheck.rejected(t, keyA, "{\"task_type\":\"replace_music\",\"clip_id\":\"" + clipId + "\",\"sound\":\"rock\",\"starts_at\":1,\"ends_at\":" + past + "}",
                "The 'ends_at' field should be at most the source clip's duration (" + dur + " s), got " + past + ".");
    }

    @Test void downloadGivesTheAskedFormat() {
        String clipId = clipA.get("clip_id").asText();
        for (String format : new String[]{"mp3", "wav"}) {
            TestServer.Response r = t.post("/api/v1/producer/download", keyA, "{\"clip_id\":\"" + clipId + "\",\"format\":\"" + format + "\"}");
            assertEquals(200, r.status(), r.body());
            TestServer.Response done = t.await(r.json().get("task_id").asText(), keyA, Duration.ofSeconds(60));
            assertEquals("SUCCESS", done.json().get("status").asText(), done.body());
            String url = done.json().get("data").get(0).get("audio_url").asText();
            TestServer.Response file = t.get(url, null);
            assertEquals(format.equals("mp3") ? "audio/mpeg" : "audio/wav", file.raw().headers().firstValue("Content-Type").orElse(""));
        }
    }
}
