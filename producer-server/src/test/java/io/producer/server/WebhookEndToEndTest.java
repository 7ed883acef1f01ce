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
