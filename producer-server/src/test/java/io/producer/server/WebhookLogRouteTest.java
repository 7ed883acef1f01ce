package io.producer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.producer.server.webhook.WebhookOutbox;
import io.producer.server.webhook.WebhookPayloads;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The delivery log route on the real server, with the server's own deliverer running. */
class WebhookLogRouteTest {
    @Test
    void ownerSeesTheDeliveryLogOthersGetNotFound() throws Exception {
        try (TestServer t = new TestServer(c -> c.withWorkers(0))) {
            String a = t.key(100);
            String b = t.key(100);
            TestServer.Response created = t.post("/api/v1/producer/create", a,
                    "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"make_instrumental\":true,"
                            + "\"webhook_url\":\"https://10.0.0.1/hook\"}");
            assertEquals(200, created.status(), created.body());
            String taskId = created.json().get("task_id").asText();
            String path = "/api/v1/producer/task/" + taskId + "/webhooks";

            TestServer.Response empty = t.get(path, a);
            assertEquals(200, empty.status(), empty.body());
            assertEquals(0, empty.json().get("data").size(), "no webhook before the task finishes");

            // What the worker's publishing transaction writes when this task fails:
            try (Connection c = t.server.database().dataSource().getConnection()) {
                WebhookOutbox.enqueue(c, taskId, "https://10.0.0.1/hook", null, WebhookPayloads.FAILED,
                        WebhookPayloads.failed(taskId, "test failure", true));
            }
            JsonNode hook = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                hook = t.get(path, a).json().get("data").get(0);
                if (hook.get("state").asText().equals("failed")) break;
                Thread.sleep(20);
            }
            assertEquals("failed", hook.get("state").asText(), hook.toString());
            assertEquals("song.failed", hook.get("event").asText());
            assertEquals(1, hook.get("attempts").asInt());
            JsonNode attempt = hook.get("deliveries").get(0);
            assertEquals(1, attempt.get("attempt").asInt());
            assertTrue(attempt.get("status_code").isNull());
            assertEquals("webhook_url resolves to a private address (10.0.0.1), which is not allowed", attempt.get("error").asText());
            assertTrue(attempt.get("time").asText().endsWith("Z"));

            TestServer.Response other = t.get(path, b);
            assertEquals(404, other.status());
            assertEquals("task not found.", other.json().get("message").asText());
            assertEquals(404, t.get("/api/v1/producer/task/00000000-0000-4000-8000-000000000000/webhooks", a).status());
            assertEquals(401, t.get(path, null).status());
        }
    }
}
