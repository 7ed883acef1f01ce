package io.producer.server.cli;

import io.producer.server.ProducerServer;
import io.producer.server.account.ApiKeys;
import io.producer.server.account.Credits;
import io.producer.server.config.ServerConfig;
import io.producer.server.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys commands against a real data directory, and the key a first start creates. */
class CliTest {
    record Run(int code, String out) {}

    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test void keysCreateListGrantRevoke(@TempDir Path dir) throws Exception {
        Run created = run("keys", "create", "--data-dir", dir.toString(), "--name", "alice", "--credits", "25");
        assertEquals(0, created.code(), created.out());
        String[] lines = created.out().strip().split("\n");
        String keyId = lines[0].replaceAll(".*key_id=(\\S+).*", "$1");
        String secret = lines[1].strip();
        assertTrue(secret.startsWith("pk_") && secret.length() > 40, secret);

        Database db = Database.open(dir);
        assertEquals(keyId, new ApiKeys(db).authenticate(secret).orElseThrow().id());
        assertEquals(25, new Credits(db).balance(keyId));
        assertFalse(Files.readString(db.file(), StandardCharsets.ISO_8859_1).contains(secret), "only the hash is stored");

        Run granted = run("keys", "grant", "--data-dir", dir.toString(), keyId, "15");
        assertEquals(0, granted.code(), granted.out());
        assertEquals(40, new Credits(db).balance(keyId));
        assertEquals(1, run("keys", "grant", "--data-dir", dir.toString(), keyId, "-41").code(), "can't go negative");

        Run list = run("keys", "list", "--data-dir", dir.toString());
        assertTrue(list.out().contains(keyId) && list.out().contains("alice") && list.out().contains("40") && list.out().contains("active"), list.out());

        assertEquals(0, run("keys", "revoke", "--data-dir", dir.toString(), keyId).code());
        assertTrue(new ApiKeys(db).authenticate(secret).isEmpty());
        assertTrue(run("keys", "list", "--data-dir", dir.toString()).out().contains("revoked"));
    }

    @Test void firstStartCreatesOneKeyWithTheInitialGrant(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.fromEnv(Map.of()).withPort(0).withDataDir(dir).withWorkers(0);
        String secret;
        try (ProducerServer s = new ProducerServer(config).start()) {
            ApiKeys.Created k = s.bootstrapKey().orElseThrow();
            secret = k.secret();
            assertEquals(500, s.credits().balance(k.key().id()));
        }
        try (ProducerServer s = new ProducerServer(config).start()) {
            assertTrue(s.bootstrapKey().isEmpty(), "only on the first start");
            assertTrue(s.keys().authenticate(secret).isPresent());
            assertEquals(1, s.keys().count());
        }
    }
}
