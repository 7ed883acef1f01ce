package io.producer.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PRODUCER_WEBHOOK_ALLOW_HTTP opens plain http to localhost only, at the door as in the deliverer. */
class WebhookDevHttpTest {

    @Test
    void plainHttpIsAcceptedForLocalhostOnly() {
        try (TestServer s = new TestServer(c -> c.withWebhookAllowHttp(true))) {
            String key = s.key(100);
            TestServer.Response local = s.post("/api/v1/producer/download", key,
                    "{\"clip_id\":\"00000000-0000-4000-8000-000000000000\",\"webhook_url\":\"http://127.0.0.1:9/hook\"}");
            // the URL passes; the unknown clip is what is refused
            assertEquals(404, local.status(), local.body());

            TestServer.Response remote = s.post("/api/v1/producer/create", key,
                    "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"webhook_url\":\"http://example.com/hook\"}");
            assertEquals(400, remote.status(), remote.body());
            assertEquals("The 'webhook_url' field should be an HTTPS URL (plain http is allowed only to localhost in development mode).",
                    remote.json().path("message").asText(), remote.body());
            assertEquals(100, s.get("/api/v1/get-credits", key).json().path("credits").asLong(), "a refused request costs nothing");
        }
    }
}
