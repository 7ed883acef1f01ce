package io.producer.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.producer.server.store.Database;
import io.producer.server.webhook.WebhookOutbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretCommandTest {
    @Test
    void printsTheSecretTheDelivererSignsWith(@TempDir Path dir) throws Exception {
        CliTest.Run first = CliTest.run("webhook-secret", "--data-dir", dir.toString());
        assertEquals(0, first.code(), first.out());
        String secret = first.out().strip();
        assertTrue(secret.matches("whsec_[0-9a-f]{64}"), secret);
        assertEquals(secret, CliTest.run("webhook-secret", "--data-dir", dir.toString()).out().strip(), "stable");
        assertEquals(secret, WebhookOutbox.defaultSecret(Database.open(dir).dataSource()));
    }
}
