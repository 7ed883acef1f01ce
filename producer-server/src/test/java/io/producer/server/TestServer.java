package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.producer.server.api.Json;
import io.producer.server.config.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real server on a random port with a real SQLite file in a temporary directory, and a JSON client for it. */
final class TestServer implements AutoCloseable {
    record Response(int status, JsonNode json, String body, HttpResponse<byte[]> raw) {}

    final ProducerServer server;
    final Path dataDir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(UnaryOperator<ServerConfig> tweak) {
        try {
            dataDir = Files.createTempDirectory("producer-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig base = ServerConfig.fromEnv(java.util.Map.of()).withPort(0).withDataDir(dataDir)
                .withInitialCredits(0).withWorkers(1);
        server = new ProducerServer(tweak.apply(base)).start();
    }

    static TestServer start() { return new TestServer(c -> c); }

    /** A new key holding {@code credits}; returns its secret. */
    String key(long credits) {
        return server.keys().create("test", credits).secret();
    }

    String url(String path) { return server.baseUrl() + path; }

    Response get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path))).GET();
        if (key != null) b.header("Authorization", "Bearer " + key);
        return send(b.build());
    }

    Response post(String path, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return send(b.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = Json.MAPPER.readTree(body);
            }
            return new Response(r.statusCode(), json, body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a task until it leaves PENDING/RUNNING; returns the final poll response. */
    Response await(String taskId, String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = get("/api/v1/producer/task/" + taskId, key);
            if (r.status() != 202) return r;
            if (System.nanoTime() > deadline) throw new AssertionError("task " + taskId + " still not done: " + r.body());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the server and deletes its data directory: a test run leaves no songs behind (some tests store gigabytes). */
    @Override public void close() {
        server.stop();
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test data directory " + dataDir, e);
        }
    }
}
