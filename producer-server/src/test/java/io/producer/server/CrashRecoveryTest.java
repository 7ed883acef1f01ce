package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.producer.server.account.ApiKeys;
import io.producer.server.api.Json;
import io.producer.server.store.Database;
import io.producer.server.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server runs as its own JVM; the test kills it with SIGKILL while a task renders, starts it
 * again on the same data directory, and checks that every task reached SUCCESS exactly once and
 * was charged exactly once.
 */
class CrashRecoveryTest {
    static final Pattern LISTENING = Pattern.compile("Producer listening on (http://\\S+)");
    final HttpClient http = HttpClient.newHttpClient();

    record Server(Process process, String base) {}

    static Server launch(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx2g",
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "--add-opens", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "io.producer.server.cli.Main", "serve", "--port", "0", "--host", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--workers", "1", "--lease-seconds", "3");
        pb.redirectErrorStream(true);
        pb.environment().remove("PRODUCER_PORT");
        Process p = pb.start();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                }
                base.completeExceptionally(new IllegalStateException("server exited before listening"));
            } catch (IOException e) {
                base.completeExceptionally(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return new Server(p, base.get(120, TimeUnit.SECONDS));
    }

    JsonNode call(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
        b = body == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = Json.MAPPER.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("_status", r.statusCode());
        return n;
    }

    @Test void killedMidRenderEveryTaskSucceedsOnceAndIsChargedOnce(@TempDir Path dir) throws Exception {
        String key;
        Database db = Database.open(dir);
        key = new ApiKeys(db).create("crash", 100).secret();

        Server first = launch(dir);
        List<String> taskIds = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                JsonNode r = call("POST", first.base() + "/api/v1/producer/create", key,
                        "{\"task_type\":\"create_music\",\"sound\":\"short calm lofi beat\",\"make_instrumental\":true,\"seed\":\"crash-" + i + "\"}");
                assertEquals(200, r.get("_status").asInt(), r.toString());
                taskIds.add(r.get("task_id").asText());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!"RUNNING".equals(call("GET", first.base() + "/api/v1/producer/task/" + taskIds.get(0), key, null).path("status").asText())) {
                assertTrue(System.nanoTime() < deadline, "first task never started");
                Thread.sleep(50);
            }
        } finally {
            first.process().destroyForcibly();   // SIGKILL: no shutdown hooks, no clean stop
            first.process().waitFor(30, TimeUnit.SECONDS);
        }
        String statusAfterKill = db.read(c -> Sql.one(c, "SELECT status FROM tasks WHERE id = ?",
                rs -> rs.getString(1), taskIds.get(0)).orElseThrow());
        assertEquals("RUNNING", statusAfterKill, "the kill happened mid-render");

        Server second = launch(dir);
        try {
            for (String id : taskIds) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
                JsonNode r;
                while ((r = call("GET", second.base() + "/api/v1/producer/task/" + id, key, null)).get("_status").asInt() == 202) {
                    assertTrue(System.nanoTime() < deadline, "task " + id + " never finished");
                    Thread.sleep(200);
                }
                assertEquals("SUCCESS", r.get("status").asText(), r.toString());
                assertEquals(1, r.get("data").size());
            }
            JsonNode credits = call("GET", second.base() + "/api/v1/get-credits", key, null);
            assertEquals(80, credits.get("credits").asInt(), "charged exactly once per task");
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
        db.read(c -> {
            for (String id : taskIds) {
                assertEquals(1, Sql.longValue(c, "SELECT COUNT(*) FROM clips WHERE task_id = ?", id), "one clip for " + id);
                assertEquals(1, Sql.longValue(c, "SELECT COUNT(*) FROM credit_ledger WHERE task_id = ? AND reason = 'reserve'", id));
                assertEquals(0, Sql.longValue(c, "SELECT COUNT(*) FROM credit_ledger WHERE task_id = ? AND reason = 'refund'", id));
            }
            assertTrue(Sql.longValue(c, "SELECT attempts FROM tasks WHERE id = ?", taskIds.get(0)) >= 2,
                    "the interrupted task was claimed again after its lease expired");
            return null;
        });
    }
}
