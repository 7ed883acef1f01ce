package io.producer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.producer.server.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Through the real server: tasks created with a webhook_url to a local receiver (development setting
 * PRODUCER_WEBHOOK_ALLOW_HTTP on) are rendered by the workers, and the receiver gets the signed reference payloads.
 */
class WebhookEndToEndTest {
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Received await(List<Received> inbox, String taskId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : inbox) {
                if (Json.MAPPER.readTree(r.body()).path("task_id").asText().equals(taskId)) return r;
            }
            Thread.sleep(50);
        }
        fail("no webhook for task " + taskId + " (received " + inbox.size() + ")");
        return null;
    }

    @Test
    void aCompletedTaskPostsASignedSongCompletedWebhook() throws Exception {
        List<Received> inbox = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(inbox);
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        try (TestServer t = new TestServer(c -> c.withWebhookAllowHttp(true))) {
            String key = t.key(100);
            TestServer.Response created = t.post("/api/v1/producer/create", key, """
                    {"task_type":"create_music","mv":"FUZZ-0.8","sound":"lofi hip hop, mellow piano","title":"Hook Test",
                     "lyrics":"[Verse]\\nLittle light","webhook_url":"%s","webhook_secret":"e2e-secret"}""".formatted(hook));
            assertEquals(200, created.status(), created.body());
            String taskId = created.json().get("task_id").asText();

            TestServer.Response done = t.await(taskId, key, Duration.ofMinutes(5));
            assertEquals("SUCCESS", done.json().get("status").asText(), done.body());

            Received completed = await(inbox, taskId);
            assertEquals(hmac("e2e-secret", completed.header("X-Webhook-Timestamp"), completed.body()),
                    completed.header("X-Webhook-Signature"));
            assertEquals("song.completed", completed.header("X-Webhook-Event"));
            assertEquals(completed.header("X-Webhook-Id"), completed.header("Idempotency-Key"));
            assertTrue(completed.header("Content-Type").startsWith("application/json"));
            JsonNode body = Json.MAPPER.readTree(completed.body());
            assertEquals(List.of("task_id", "platform", "event", "code", "message", "data"), fieldNames(body));
            assertEquals(taskId, body.get("task_id").asText());
            assertEquals("producer", body.get("platform").asText());
            assertEquals("song.completed", body.get("event").asText());
            assertEquals(200, body.get("code").asInt());
            assertEquals("success", body.get("message").asText());
            assertEquals(1, body.get("data").size());
            JsonNode clip = body.get("data").get(0);
            JsonNode polled = done.json().get("data").get(0);
            assertEquals(fieldNames(polled), fieldNames(clip), "the clip object of the poll, field for field");
            for (String field : List.of("clip_id", "title", "sound", "lyrics", "mv", "seed", "duration", "created_at", "state")) {
                assertEquals(polled.get(field), clip.get(field), field);
            }
            assertEquals("succeeded", clip.get("state").asText());
            TestServer.Response mp3 = t.get(clip.get("audio_url").asText(), null);
            assertEquals(200, mp3.status(), "the webhook's audio_url is a working signed URL");
            assertTrue(mp3.raw().body().length > 1000);

            JsonNode log = awaitDelivered(t, taskId, key);
            assertEquals(1, log.get("attempts").asInt());
            assertEquals(204, log.get("deliveries").get(0).get("status_code").asInt());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aFailedTaskPostsASignedSongFailedWebhook() throws Exception {
        List<Received> inbox = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(inbox);
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        try (TestServer t = new TestServer(c -> c.withWebhookAllowHttp(true))) {
            String key = t.key(100);
            // An upload from a private address fails (the address rule is on); no webhook_secret: the default one signs.
            TestServer.Response upload = t.post("/api/v1/producer/upload", key,
                    "{\"audio_url\":\"http://10.0.0.1/song.mp3\",\"webhook_url\":\"" + hook + "\"}");
            assertEquals(200, upload.status(), upload.body());
            String uploadId = upload.json().get("task_id").asText();

            TestServer.Response failedPoll = t.await(uploadId, key, Duration.ofMinutes(1));
            assertEquals("FAILED", failedPoll.json().get("status").asText());
            Received failed = await(inbox, uploadId);
            String defaultSecret = io.producer.server.webhook.WebhookOutbox.defaultSecret(t.server.database().dataSource());
            assertEquals(hmac(defaultSecret, failed.header("X-Webhook-Timestamp"), failed.body()), failed.header("X-Webhook-Signature"));
            assertEquals("song.failed", failed.header("X-Webhook-Event"));
            assertEquals(failed.header("X-Webhook-Id"), failed.header("Idempotency-Key"));
            JsonNode f = Json.MAPPER.readTree(failed.body());
            assertEquals(List.of("task_id", "platform", "event", "type", "message", "refund_processed"), fieldNames(f));
            assertEquals(uploadId, f.get("task_id").asText());
            assertEquals("producer", f.get("platform").asText());
            assertEquals("song.failed", f.get("event").asText());
            assertEquals("failed", f.get("type").asText());
            assertEquals(failedPoll.json().get("error").asText(), f.get("message").asText());
            assertTrue(f.get("message").asText().contains("private address (10.0.0.1)"), f.get("message").asText());
            assertTrue(f.get("refund_processed").asBoolean());
            assertEquals(100, t.get("/api/v1/get-credits", key).json().get("credits").asInt(), "refunded");

            JsonNode log = awaitDelivered(t, uploadId, key);
            assertEquals(1, log.get("attempts").asInt());
            assertEquals(204, log.get("deliveries").get(0).get("status_code").asInt());
        } finally {
            receiver.stop(0);
        }
    }

    static HttpServer receiver(List<Received> inbox) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            inbox.add(new Received(Map.copyOf(ex.getRequestHeaders()), body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        return receiver;
    }

    /** The delivery log entry once the receiver's answer has been recorded. */
    static JsonNode awaitDelivered(TestServer t, String taskId, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode entry = null;
        while (System.nanoTime() < deadline) {
            JsonNode data = t.get("/api/v1/producer/task/" + taskId + "/webhooks", key).json().get("data");
            entry = data.size() > 0 ? data.get(0) : null;
            if (entry != null && entry.get("state").asText().equals("delivered")) return entry;
            Thread.sleep(50);
        }
        fail("webhook of " + taskId + " not recorded as delivered: " + entry);
        return null;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
