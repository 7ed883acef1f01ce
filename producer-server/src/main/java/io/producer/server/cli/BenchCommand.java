package io.producer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.producer.server.ProducerServer;
import io.producer.server.api.Json;
import io.producer.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code producer bench}: load numbers for the README, not a test.
 *
 * <p>Two measurements against a real server over real HTTP (by default one started in this process on a
 * temporary data directory and a random port; {@code --url} and {@code --key} target a running one instead):
 * <ol>
 *   <li><b>GET-task throughput</b>: {@code --clients} concurrent clients poll {@code GET /api/v1/producer/task/{id}}
 *       of one finished task (the SUCCESS body with its clip and freshly signed file URLs) for {@code --seconds};
 *       reported as requests per second and latency percentiles. Nothing renders meanwhile.</li>
 *   <li><b>Create-accept latency</b>: {@code --create-clients} concurrent clients send {@code --creates}
 *       {@code POST /api/v1/producer/create} requests (a mix of short create_music bodies: instrumental, with
 *       lyrics, different mv); measured is the time until the 200 {"task_id"} answer, i.e. validation, the credit
 *       reservation and the queue insert in one SQLite transaction. The key holds enough credits and the queue
 *       limit is raised above {@code --creates}, so neither 403 nor 429 shapes the numbers; the workers start
 *       rendering the accepted songs in the background while the load runs, as in production.</li>
 * </ol>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: GET-task throughput and create-accept latency (p50/p99) under concurrent load.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--url", description = "Target a running server (default: start one on a temp data dir).") String url;
    @Option(names = "--key", description = "API key for --url (it needs credits for --creates × 10 + 10).") String key;
    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients for the GET phase (default 16).") int clients;
    @Option(names = "--seconds", defaultValue = "10", description = "Duration of the GET phase (default 10).") int seconds;
    @Option(names = "--creates", defaultValue = "400", description = "Create requests in the create phase (default 400).") int creates;
    @Option(names = "--create-clients", defaultValue = "16", description = "Concurrent clients for the create phase (default 16).") int createClients;
    @Option(names = "--workers", description = "Render workers of the in-process server (default: the server default).") Integer workers;
    @Option(names = "--server-logs", description = "Keep the in-process server's per-request INFO logs (default: WARN and above only).") boolean serverLogs;

    private static final String[] CREATE_BODIES = {
        "{\"task_type\":\"create_music\",\"sound\":\"lofi hip hop, mellow piano\",\"make_instrumental\":true}",
        "{\"task_type\":\"create_music\",\"mv\":\"FUZZ-2.0\",\"sound\":\"pop\",\"title\":\"Bench\","
                + "\"lyrics\":\"[Verse]\\nWalking through the city lights\\n\\n[Chorus]\\nWe are unstoppable tonight\"}",
        "{\"task_type\":\"create_music\",\"mv\":\"FUZZ-1.0\",\"sound\":\"upbeat electronic dance music\",\"make_instrumental\":true}",
        "{\"task_type\":\"create_music\",\"mv\":\"FUZZ-2.0 Raw\",\"sound\":\"smooth jazz lounge\",\"title\":\"Midnight\",\"make_instrumental\":true}",
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        ProducerServer server = null;
        Path dataDir = null;
        String base = url;
        String apiKey = key;
        try {
            if (base == null) {
                // Before the first logger exists: slf4j-simple reads its level once.
                if (!serverLogs) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
                dataDir = Files.createTempDirectory("producer-bench");
                ServerConfig config = ServerConfig.fromEnv(Map.of()).withPort(0).withDataDir(dataDir)
                        .withQueueLimit(creates + 100).withInitialCredits(0);
                if (workers != null) config = config.withWorkers(workers);
                server = new ProducerServer(config).start();
                base = server.baseUrl();
                apiKey = server.keys().create("bench", 10L * (creates + 10)).secret();
                System.out.printf(Locale.ROOT, "server: in-process, %s, data dir %s, workers %d%n", base, dataDir, config.workers());
            } else if (apiKey == null) {
                System.err.println("--url needs --key");
                return 2;
            }
            System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version(), Instant.now());

            String taskId = firstFinishedTask(base, apiKey);
            getPhase(base, apiKey, taskId);
            createPhase(base, apiKey);
            return 0;
        } finally {
            if (server != null) server.stop();
            if (dataDir != null) deleteTree(dataDir);
        }
    }

    /** One task rendered to completion, so the GET phase measures the full SUCCESS body. */
    private String firstFinishedTask(String base, String apiKey) throws Exception {
        HttpResponse<String> created = send(post(base, apiKey, CREATE_BODIES[0]));
        if (created.statusCode() != 200) throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
        String taskId = Json.MAPPER.readTree(created.body()).get("task_id").asText();
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> r = send(get(base, apiKey, taskId));
            if (r.statusCode() == 200) {
                JsonNode body = Json.MAPPER.readTree(r.body());
                System.out.printf(Locale.ROOT, "warm-up task %s: %s after %.1f s%n", taskId, body.path("status").asText("SUCCESS"),
                        (System.nanoTime() - start) / 1e9);
                return taskId;
            }
            if (r.statusCode() != 202) throw new IllegalStateException("poll failed: " + r.statusCode() + " " + r.body());
            if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) throw new IllegalStateException("warm-up task not done in 5 min");
            Thread.sleep(250);
        }
    }

    private void getPhase(String base, String apiKey, String taskId) throws Exception {
        HttpRequest request = get(base, apiKey, taskId);
        String pollStatus = Json.MAPPER.readTree(send(request).body()).path("status").asText("?");
        for (int i = 0; i < 500; i++) send(request); // JIT warm-up, not measured
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = send(request);
                    long d = System.nanoTime() - s;
                    if (r.statusCode() != 200) errors.incrementAndGet();
                    if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                    lat[n++] = d;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = collect(futures);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "GET /api/v1/producer/task/{id} (%s body): %d clients, %.1f s: %d requests, %.0f req/s, "
                        + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 %d%n",
                pollStatus, clients, elapsed, all.length, all.length / elapsed, ms(pct(all, 50)), ms(pct(all, 99)), ms(all[all.length - 1]), errors.get());
    }

    private void createPhase(String base, String apiKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(createClients);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        for (int s : new int[] {200, 403, 429}) statuses.put(s, new AtomicInteger());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < createClients; c++) {
            futures.add(pool.submit(() -> {
                go.await();
                List<Long> lat = new ArrayList<>();
                int i;
                while ((i = next.getAndIncrement()) < creates) {
                    HttpRequest request = post(base, apiKey, CREATE_BODIES[i % CREATE_BODIES.length]);
                    long s = System.nanoTime();
                    HttpResponse<String> r = send(request);
                    long d = System.nanoTime() - s;
                    synchronized (statuses) {
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    if (r.statusCode() == 200) lat.add(d);
                }
                return lat.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        long[] all = collect(futures);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        StringBuilder mix = new StringBuilder();
        statuses.forEach((s, n) -> mix.append(mix.length() == 0 ? "" : ", ").append(s).append(": ").append(n.get()));
        if (all.length == 0) {
            System.out.println("POST /api/v1/producer/create: nothing accepted (" + mix + ")");
            return;
        }
        System.out.printf(Locale.ROOT, "POST /api/v1/producer/create (accept): %d clients, %d requests in %.1f s (%s), %.0f accepted/s, "
                        + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (rendering runs in the background)%n",
                createClients, creates, elapsed, mix, all.length / elapsed, ms(pct(all, 50)), ms(pct(all, 99)), ms(all[all.length - 1]));
    }

    private static long[] collect(List<Future<long[]>> futures) throws Exception {
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) parts.add(f.get());
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of a sorted array. */
    private static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static HttpRequest get(String base, String apiKey, String taskId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/producer/task/" + taskId))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String base, String apiKey, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/producer/create"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
