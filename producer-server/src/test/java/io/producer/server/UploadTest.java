package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Mp3;
import io.producer.engine.audio.Wav;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upload: a WAV and an MP3 served by a local HTTP server become clips (development setting on) that
 * an edit can use; with the setting off, loopback, private, link-local/metadata addresses and a
 * redirect to loopback are refused with a clear reason and the credits refunded.
 */
class UploadTest {
    static HttpServer files;
    static HttpServer other;
    static final AtomicInteger otherHits = new AtomicInteger();
    static byte[] wav, mp3;

    @BeforeAll static void serve() throws IOException {
        AudioBuffer tone = tone(44100, 12.0);
        wav = Wav.encode(tone);
        mp3 = Mp3.encode(tone, 192);
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", ex -> {
            otherHits.incrementAndGet();
            reply(ex, 200, "audio/wav", wav);
        });
        other.start();
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/song.wav", ex -> reply(ex, 200, "audio/wav", wav));
        files.createContext("/song.mp3", ex -> reply(ex, 200, "audio/mpeg", mp3));
        files.createContext("/text.txt", ex -> reply(ex, 200, "text/plain", "hello, not audio".getBytes()));
        files.createContext("/to-loopback", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + other.getAddress().getPort() + "/song.wav");
            reply(ex, 302, "text/plain", new byte[0]);
        });
        files.start();
    }

    @AfterAll static void stop() {
        files.stop(0);
        other.stop(0);
    }

    /** A 440 Hz + 660 Hz tone with a beat every half second, so analysis has something to find. */
    static AudioBuffer tone(int rate, double seconds) {
        int n = (int) (rate * seconds);
        float[] l = new float[n], r = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double env = Math.exp(-8 * (t % 0.5));
            float v = (float) (0.3 * env * (Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI * 660 * t)));
            l[i] = v;
            r[i] = v;
        }
        return new AudioBuffer(rate, l, r);
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String base(HttpServer s) { return "http://127.0.0.1:" + s.getAddress().getPort(); }

    @Test void refusedAddressesFailWithAReasonAndRefund() {
        String trusted = base(files);
        try (TestServer t = new TestServer(c -> c.withAllowPrivateUrls(false).withTrustedOrigins(List.of(trusted)))) {
            String key = t.key(100);
            record Case(String url, String reason) {}
            List<Case> cases = List.of(
                    new Case(base(other) + "/song.wav", "loopback address (127.0.0.1)"),
                    new Case("http://10.0.0.1/song.wav", "private address (10.0.0.1)"),
                    new Case("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
                    new Case(trusted + "/to-loopback", "redirect to http://127.0.0.1:" + other.getAddress().getPort() + "/song.wav refused: loopback address (127.0.0.1)"));
            for (Case c : cases) {
                TestServer.Response accepted = t.post("/api/v1/producer/upload", key, "{\"audio_url\":\"" + c.url() + "\"}");
                assertEquals(200, accepted.status(), accepted.body());
                TestServer.Response done = t.await(accepted.json().get("task_id").asText(), key, Duration.ofSeconds(60));
                assertEquals("FAILED", done.json().get("status").asText(), done.body());
                String error = done.json().get("error").asText();
                assertTrue(error.startsWith("Could not fetch audio_url: "), error);
                assertTrue(error.contains(c.reason()), () -> "'" + error + "' should name " + c.reason());
                assertTrue(done.json().get("refund_processed").asBoolean());
                assertEquals(2, done.json().get("refunded_credits").asInt());
                assertEquals(100, t.get("/api/v1/get-credits", key).json().get("credits").asInt(), "refunded");
            }
            assertEquals(0, otherHits.get(), "a refused address is never contacted");
        }
    }

    @Test void wavAndMp3BecomeClipsUsableByAnEdit() {
        try (TestServer t = new TestServer(c -> c.withAllowPrivateUrls(true).withWorkers(2))) {
            String key = t.key(100);
            String wavTask = t.post("/api/v1/producer/upload", key, "{\"audio_url\":\"" + base(files) + "/song.wav\"}").json().get("task_id").asText();
            String mp3Task = t.post("/api/v1/producer/upload", key, "{\"audio_url\":\"" + base(files) + "/song.mp3\"}").json().get("task_id").asText();
            String textTask = t.post("/api/v1/producer/upload", key, "{\"audio_url\":\"" + base(files) + "/text.txt\"}").json().get("task_id").asText();
            JsonNode wavClip = success(t, wavTask, key);
            JsonNode mp3Clip = success(t, mp3Task, key);
            assertEquals(12.0, wavClip.get("duration").asDouble(), 0.01);
            assertEquals(12.0, mp3Clip.get("duration").asDouble(), 0.1);
            for (JsonNode clip : List.of(wavClip, mp3Clip)) {
                assertTrue(clip.get("audio_url").asText().startsWith(t.server.publicBase() + "/files/"));
                AudioBuffer decoded = Mp3.decode(t.get(clip.get("audio_url").asText(), null).raw().body());
                assertEquals(clip.get("duration").asDouble(), decoded.durationSeconds(), 0.1);
            }
            TestServer.Response text = t.await(textTask, key, Duration.ofSeconds(60));
            assertEquals("FAILED", text.json().get("status").asText());
            assertTrue(text.json().get("error").asText().startsWith("The file at audio_url is not audio we can read"), text.body());

            // the uploaded clip is a source for an edit
            TestServer.Response edit = t.post("/api/v1/producer/create", key, "{\"task_type\":\"extend_music\",\"clip_id\":\""
                    + wavClip.get("clip_id").asText() + "\",\"sound\":\"gentle piano\",\"starts_at\":8}");
            assertEquals(200, edit.status(), edit.body());
            JsonNode extended = success(t, edit.json().get("task_id").asText(), key);
            assertTrue(extended.get("duration").asDouble() > 8.0);
            assertEquals(100 - 2 - 2 - 10, t.get("/api/v1/get-credits", key).json().get("credits").asInt(),
                    "two uploads and one extend charged, the failed upload refunded");
        }
    }

    static JsonNode success(TestServer t, String taskId, String key) {
        TestServer.Response done = t.await(taskId, key, Duration.ofSeconds(300));
        assertEquals(200, done.status(), done.body());
        assertEquals("SUCCESS", done.json().get("status").asText(), done.body());
        return done.json().get("data").get(0);
    }
}
