package io.producer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on rejected create requests. */
final class ApiCheck {
    private ApiCheck() {}

    static void rejected(TestServer t, String key, String body, String messagePart) {
        TestServer.Response r = t.post("/api/v1/producer/create", key, body);
        assertEquals(400, r.status(), () -> body + " -> " + r.body());
        String msg = r.json().get("message").asText();
        assertTrue(msg.contains(messagePart), () -> "message '" + msg + "' should contain '" + messagePart + "'");
    }
}
