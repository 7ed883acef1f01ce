package io.producer.server.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.producer.server.net.UrlPolicy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deliverer against a real SQLite database and real HTTP receivers. */
class WebhookDelivererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UrlPolicy DEV = UrlPolicy.forWebhooks(false, true); // PRODUCER_WEBHOOK_ALLOW_HTTP=true
    private static final String CLIP = """
            {"clip_id":"9b7e1c2a-0000-4000-8000-000000000001","title":"Test","sound":"lofi","lyrics":"","audio_url":"https://x/a.mp3",\
            "wav_url":"https://x/a.wav","image_url":"https://x/a.png","video_url":null,"created_at":"2026-11-24T21:00:00.000000Z",\
            "mv":"FUZZ-2.0","seed":"7","duration":12.0,"state":"succeeded"}""";

    @TempDir
    Path dir;

    private static WebhookDeliverer.Settings fast(String defaultSecret) {
        return WebhookDeliverer.Settings.defaults(defaultSecret)
                .withBaseDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                .withPollInterval(Duration.ofMillis(10))
                .withRequestTimeout(Duration.ofSeconds(2))
                .withJitter(0);
    }

    private static String enqueue(DataSource ds, String taskId, String url, String secret, String event, String payload)
            throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            String id = WebhookOutbox.enqueue(c, taskId, url, secret, event, payload);
            c.commit();
            return id;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    private static String state(DataSource ds, String taskId) {
        try {
            return WebhookOutbox.webhooks(ds, taskId).get(0).state();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** HMAC computed here with the JDK directly, not with WebhookSigner. */
    private static String expectedSignature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void deliversASignedCompletedPayload() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        try (Receiver receiver = new Receiver(n -> 200);
             WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, fast("unused-default"))) {
            String payload = WebhookPayloads.completed("task-1", JSON.readTree(CLIP));
            long enqueuedAt = System.currentTimeMillis();
            String id = enqueue(ds, "task-1", receiver.url("/hooks/producer").toString(), "my-secret",
                    WebhookPayloads.COMPLETED, payload);
            deliverer.start();
            await("delivered", () -> state(ds, "task-1").equals("delivered"));

            assertEquals(1, receiver.requests.size());
            Receiver.Request r = receiver.requests.get(0);
            assertEquals(payload, new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(expectedSignature("my-secret", r.header("X-Webhook-Timestamp"), r.body()), r.header("X-Webhook-Signature"));
            assertEquals(id, r.header("X-Webhook-Id"));
            assertEquals(id, r.header("Idempotency-Key"));
            assertEquals("song.completed", r.header("X-Webhook-Event"));
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
            long ts = Long.parseLong(r.header("X-Webhook-Timestamp"));
            assertTrue(ts >= enqueuedAt / 1000 && ts <= r.receivedAtMillis() / 1000,
                    "timestamp " + ts + " is the time of sending, between enqueue and receipt");

            JsonNode body = JSON.readTree(r.body());
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("task_id", "platform", "event", "code", "message", "data"), fields);
            assertEquals("task-1", body.get("task_id").asText());
            assertEquals("producer", body.get("platform").asText());
            assertEquals(200, body.get("code").asInt());
            assertEquals(JSON.readTree(CLIP), body.get("data").get(0));

            List<WebhookOutbox.Delivery> log = WebhookOutbox.deliveries(ds, "task-1");
            assertEquals(1, log.size());
            assertEquals(1, log.get(0).attempt());
            assertEquals(200, log.get(0).statusCode());
            assertNull(log.get(0).error());
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheFourthAttempt() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        try (Receiver receiver = new Receiver(n -> n <= 3 ? 503 : 204);
             WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, fast("unused"))) {
            String payload = WebhookPayloads.failed("task-2", "rendering failed: out of memory", true);
            String id = enqueue(ds, "task-2", receiver.url("/hook").toString(), "s3cret", WebhookPayloads.FAILED, payload);
            deliverer.start();
            await("delivered", () -> state(ds, "task-2").equals("delivered"));

            assertEquals(4, receiver.requests.size());
            for (Receiver.Request r : receiver.requests) {
                assertEquals(id, r.header("Idempotency-Key"), "the same key on every retry");
                assertEquals("song.failed", r.header("X-Webhook-Event"));
                assertEquals(expectedSignature("s3cret", r.header("X-Webhook-Timestamp"), r.body()), r.header("X-Webhook-Signature"));
                assertEquals(payload, new String(r.body(), StandardCharsets.UTF_8));
            }
            // Backoff: 20 ms, 40 ms, 80 ms between the attempts (at least; polling adds a little).
            for (int i = 1; i < 4; i++) {
                long gap = receiver.requests.get(i).receivedAtMillis() - receiver.requests.get(i - 1).receivedAtMillis();
                assertTrue(gap >= 20L << (i - 1), "gap " + i + " was " + gap + " ms");
            }
            List<WebhookOutbox.Delivery> log = WebhookOutbox.deliveries(ds, "task-2");
            assertEquals(List.of(503, 503, 503, 204), log.stream().map(WebhookOutbox.Delivery::statusCode).toList());
            assertEquals(List.of(1, 2, 3, 4), log.stream().map(WebhookOutbox.Delivery::attempt).toList());
            assertEquals("HTTP 503", log.get(0).error());
            assertEquals(4, WebhookOutbox.webhooks(ds, "task-2").get(0).attempts());
        }
    }

    @Test
    void signsWithTheServerDefaultSecretWhenTheTaskHasNone() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        String defaultSecret = WebhookOutbox.defaultSecret(ds);
        assertEquals(defaultSecret, WebhookOutbox.defaultSecret(ds), "created once, then kept");
        assertTrue(defaultSecret.length() >= 64);
        try (Receiver receiver = new Receiver(n -> 200);
             WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, fast(defaultSecret))) {
            enqueue(ds, "task-3", receiver.url("/").toString(), null, WebhookPayloads.FAILED,
                    WebhookPayloads.failed("task-3", "x", true));
            deliverer.start();
            await("delivered", () -> state(ds, "task-3").equals("delivered"));
            Receiver.Request r = receiver.requests.get(0);
            assertEquals(expectedSignature(defaultSecret, r.header("X-Webhook-Timestamp"), r.body()), r.header("X-Webhook-Signature"));
        }
    }

    @Test
    void survivesARestartAndRetriesADeliveryCutShortByADeadProcess() throws Exception {
        DataSource first = TestDatabase.open(dir);
        try (Receiver receiver = new Receiver(n -> 200)) {
            String waiting = enqueue(first, "task-4", receiver.url("/a").toString(), "k", WebhookPayloads.FAILED,
                    WebhookPayloads.failed("task-4", "x", true));
            String cut = enqueue(first, "task-5", receiver.url("/b").toString(), "k", WebhookPayloads.FAILED,
                    WebhookPayloads.failed("task-5", "y", true));
            // A process claimed task-5's webhook and died mid-request: its lease has run out.
            try (Connection c = first.getConnection();
                 PreparedStatement u = c.prepareStatement(
                         "UPDATE webhook_outbox SET state = 'delivering', attempts = 1, lease_until = ? WHERE id = ?")) {
                u.setLong(1, System.currentTimeMillis() - 1);
                u.setString(2, cut);
                u.executeUpdate();
            }
            // "Restart": a new data source on the same file, a new deliverer.
            DataSource second = TestDatabase.open(dir);
            try (WebhookDeliverer deliverer = new WebhookDeliverer(second, DEV, fast("d"))) {
                deliverer.start();
                await("both delivered", () -> state(second, "task-4").equals("delivered") && state(second, "task-5").equals("delivered"));
            }
            assertEquals(2, receiver.requests.size());
            List<WebhookOutbox.Delivery> log = WebhookOutbox.deliveries(second, "task-5");
            assertEquals(2, log.size());
            assertEquals(1, log.get(0).attempt());
            assertNull(log.get(0).statusCode());
            assertEquals("interrupted: the server stopped during this attempt", log.get(0).error());
            assertEquals(2, log.get(1).attempt());
            assertEquals(200, log.get(1).statusCode());
            assertEquals(waiting, receiver.requests.stream().filter(r -> r.header("X-Webhook-Id").equals(waiting))
                    .findFirst().orElseThrow().header("Idempotency-Key"));
        }
    }

    @Test
    void anUnreachableReceiverHoldsNothingBackAndIsRetried() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens here once closed
        }
        WebhookDeliverer.Settings settings = fast("d").withBaseDelay(Duration.ofHours(1), Duration.ofHours(6));
        try (Receiver receiver = new Receiver(n -> 200);
             WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, settings)) {
            enqueue(ds, "dead", "http://127.0.0.1:" + closedPort + "/hook", "k", WebhookPayloads.FAILED,
                    WebhookPayloads.failed("dead", "x", true));
            enqueue(ds, "alive", receiver.url("/hook").toString(), "k", WebhookPayloads.FAILED,
                    WebhookPayloads.failed("alive", "x", true));
            long before = System.currentTimeMillis();
            deliverer.start();
            await("alive delivered", () -> state(ds, "alive").equals("delivered"));
            await("dead attempted", () -> {
                try {
                    return WebhookOutbox.deliveries(ds, "dead").size() == 1;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            WebhookOutbox.Webhook dead = WebhookOutbox.webhooks(ds, "dead").get(0);
            assertEquals("pending", dead.state());
            assertEquals("connection refused", dead.lastError());
            assertTrue(dead.nextAttemptAt().toEpochMilli() >= before + Duration.ofHours(1).toMillis(),
                    "next attempt after the base delay: " + dead.nextAttemptAt());
        }
    }

    @Test
    void aUrlThePolicyRefusesFailsAtOnceWithTheReason() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        try (WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, fast("d"))) {
            enqueue(ds, "t-private", "http://10.0.0.1/hook", "k", WebhookPayloads.FAILED, WebhookPayloads.failed("t-private", "x", true));
            enqueue(ds, "t-plain", "http://93.184.216.34/hook", "k", WebhookPayloads.FAILED, WebhookPayloads.failed("t-plain", "x", true));
            deliverer.start();
            await("both failed", () -> state(ds, "t-private").equals("failed") && state(ds, "t-plain").equals("failed"));
            assertEquals("webhook_url resolves to a private address (10.0.0.1), which is not allowed",
                    WebhookOutbox.webhooks(ds, "t-private").get(0).lastError());
            assertEquals("webhook_url must use https (plain http is allowed only to localhost in development)",
                    WebhookOutbox.webhooks(ds, "t-plain").get(0).lastError());
            assertEquals(1, WebhookOutbox.deliveries(ds, "t-private").size());
        }
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        DataSource ds = TestDatabase.open(dir);
        WebhookDeliverer.Settings s = fast("d");
        WebhookDeliverer.Settings three = new WebhookDeliverer.Settings(s.baseDelay(), s.maxDelay(), 3, s.requestTimeout(),
                s.pollInterval(), s.concurrency(), 0, "d");
        try (Receiver receiver = new Receiver(n -> 500);
             WebhookDeliverer deliverer = new WebhookDeliverer(ds, DEV, three)) {
            enqueue(ds, "t", receiver.url("/").toString(), "k", WebhookPayloads.FAILED, WebhookPayloads.failed("t", "x", true));
            deliverer.start();
            await("failed", () -> state(ds, "t").equals("failed"));
            assertEquals(3, receiver.requests.size());
            assertNull(WebhookOutbox.webhooks(ds, "t").get(0).nextAttemptAt());
        }
    }

    @Test
    void theProductionScheduleSpansMoreThanADay() {
        WebhookDeliverer.Settings s = WebhookDeliverer.Settings.defaults("d");
        // 30 s · (2^10 − 1) for the doubling retries, then four 6 h waits: 32 h 31 min 30 s
        assertEquals(Duration.ofHours(32).plusMinutes(31).plusSeconds(30), s.retryWindow());
        assertEquals(Duration.ofSeconds(30), s.delayAfter(1));
        assertEquals(Duration.ofMinutes(256), s.delayAfter(10));
        assertEquals(Duration.ofHours(6), s.delayAfter(11));
        assertNotNull(s.defaultSecret());
    }
}
