package io.producer.server.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SafeFetcher against real local HTTP servers. */
class SafeFetcherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] AUDIO = "RIFF....WAVEfmt pretend audio bytes".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private HttpServer other;
    private final AtomicInteger otherHits = new AtomicInteger();
    private final AtomicInteger serverHits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private URI base;
    private URI otherBase;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            serverHits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/song.wav" -> respond(exchange, 200, AUDIO);
                case "/to-song" -> redirect(exchange, "/song.wav");
                case "/to-other" -> redirect(exchange, otherBase + "secret");
                case "/to-localhost" -> redirect(exchange, "http://localhost:" + base.getPort() + "/song.wav");
                case "/loop" -> redirect(exchange, "/loop");
                case "/huge" -> {
                    exchange.sendResponseHeaders(200, (50L << 20) + 1); // declares one byte over the cap
                    exchange.getResponseBody().write(new byte[10]);
                    exchange.getResponseBody().flush();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                }
                case "/big" -> respond(exchange, 200, new byte[5000]);
                case "/big-chunked" -> {
                    exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 50; i++) out.write(new byte[100]);
                    }
                }
                case "/slow" -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(exchange, 200, AUDIO);
                }
                default -> respond(exchange, 404, new byte[0]);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            otherHits.incrementAndGet();
            respond(exchange, 200, "internal secret".getBytes(StandardCharsets.UTF_8));
        });
        other.start();
        otherBase = URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        other.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private SafeFetcher safe() {
        return new SafeFetcher(UrlPolicy.forUploads(false), TIMEOUT, 1_000_000);
    }

    /** The policy that trusts exactly the test server's origin, nothing else on loopback. */
    private SafeFetcher trustingTestServer(long maxBytes, Duration timeout) {
        return new SafeFetcher(UrlPolicy.forUploads(false).trusting(base), timeout, maxBytes);
    }

    private String refusal(SafeFetcher fetcher, String url) {
        return assertThrows(FetchException.class, () -> fetcher.get(URI.create(url))).getMessage();
    }

    @Test
    void developmentSettingFetchesFromLoopback() {
        SafeFetcher dev = new SafeFetcher(UrlPolicy.forUploads(true), TIMEOUT, 1_000_000);
        assertArrayEquals(AUDIO, dev.get(base.resolve("/song.wav")));
        assertArrayEquals(AUDIO, dev.get(base.resolve("/to-song")));
    }

    @Test
    void refusesLoopbackWithoutConnecting() {
        assertEquals("audio_url resolves to a loopback address (127.0.0.1), which is not allowed",
                refusal(safe(), base + "song.wav"));
        assertEquals(0, serverHits.get());
    }

    @Test
    void refusesPrivateMetadataUnspecifiedAndIpv6Loopback() {
        assertEquals("audio_url resolves to a private address (10.0.0.1), which is not allowed",
                refusal(safe(), "http://10.0.0.1/song.mp3"));
        assertEquals("audio_url resolves to a cloud metadata address (169.254.169.254), which is not allowed",
                refusal(safe(), "http://169.254.169.254/latest/meta-data/"));
        assertEquals("audio_url resolves to an unspecified address (0.0.0.0), which is not allowed",
                refusal(safe(), "http://0.0.0.0:" + base.getPort() + "/song.wav"));
        assertEquals("audio_url resolves to a loopback address (0:0:0:0:0:0:0:1), which is not allowed",
                refusal(safe(), "http://[::1]:" + base.getPort() + "/song.wav"));
        assertEquals("audio_url resolves to a private address (172.20.1.2), which is not allowed",
                refusal(safe(), "https://172.20.1.2/a.mp3"));
        assertEquals("audio_url resolves to a carrier-grade NAT address (100.64.0.7), which is not allowed",
                refusal(safe(), "https://100.64.0.7/a.mp3"));
        assertEquals("audio_url resolves to a loopback address (127.0.0.1), which is not allowed",
                refusal(safe(), "http://[::ffff:127.0.0.1]:" + base.getPort() + "/song.wav"));
        assertEquals(0, serverHits.get());
    }

    @Test
    void refusesNumericIpForms() {
        int port = base.getPort();
        for (String host : new String[] {"2130706433", "0x7f000001", "0177.0.0.1"}) {
            assertEquals("audio_url resolves to a loopback address (127.0.0.1), which is not allowed",
                    refusal(safe(), "http://" + host + ":" + port + "/song.wav"), host);
        }
        assertEquals("audio_url resolves to a cloud metadata address (169.254.169.254), which is not allowed",
                refusal(safe(), "http://2852039166/latest/meta-data/"));
        // java.net.URI reads a dotted name ending in a number as no host at all; refused all the same
        assertEquals("audio_url has no valid host name", refusal(safe(), "http://127.1:" + port + "/song.wav"));
        assertEquals("audio_url has no valid host name", refusal(safe(), "http://0x7f.0.0.1:" + port + "/song.wav"));
        assertEquals(0, serverHits.get());
    }

    @Test
    void refusesLocalhostByNameAndUserinfoTricks() {
        assertEquals("audio_url resolves to a loopback address (127.0.0.1), which is not allowed",
                refusal(safe(), "http://localhost:" + base.getPort() + "/song.wav"));
        assertEquals("audio_url must not contain a user name or password",
                refusal(safe(), "http://cdn.example.com@127.0.0.1:" + base.getPort() + "/song.wav"));
        assertEquals("audio_url must be an http or https URL", refusal(safe(), "file:///etc/passwd"));
        assertEquals("audio_url must be an http or https URL", refusal(safe(), "ftp://example.com/a.mp3"));
    }

    @Test
    void trustedOriginIsExactAndRedirectsAreCheckedAgain() {
        SafeFetcher fetcher = trustingTestServer(1_000_000, TIMEOUT);
        assertArrayEquals(AUDIO, fetcher.get(base.resolve("/to-song")), "the trusted origin itself is reachable");
        assertEquals("redirect to " + otherBase + "secret refused: loopback address (127.0.0.1)",
                refusal(fetcher, base + "to-other"));
        assertEquals(0, otherHits.get(), "the refused redirect target was never contacted");
        assertEquals("redirect to http://localhost:" + base.getPort() + "/song.wav refused: loopback address (127.0.0.1)",
                refusal(fetcher, base + "to-localhost"));
    }

    @Test
    void stopsAfterFiveRedirects() {
        assertEquals("audio_url redirected more than 5 times",
                refusal(trustingTestServer(1_000_000, TIMEOUT), base + "loop"));
        assertEquals(6, serverHits.get());
    }

    @Test
    void capsSizeByContentLengthAndByBytesRead() {
        SafeFetcher small = trustingTestServer(1000, TIMEOUT);
        assertEquals("audio_url is larger than 1000 bytes", refusal(small, base + "big"));
        assertEquals("audio_url is larger than 1000 bytes", refusal(small, base + "big-chunked"));
        assertEquals("audio_url is larger than 50 MB",
                refusal(new SafeFetcher(UrlPolicy.forUploads(true), TIMEOUT, 50L << 20), base + "huge"));
    }

    @Test
    void timesOutASilentServer() {
        long start = System.nanoTime();
        assertEquals("audio_url did not respond within 300 ms",
                refusal(trustingTestServer(1000, Duration.ofMillis(300)), base + "slow"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        // generous bound: the point is that it did not wait for the server's 30 s
        org.junit.jupiter.api.Assertions.assertTrue(elapsedMs < 5000, "took " + elapsedMs + " ms");
    }

    @Test
    void reportsHttpErrors() {
        assertEquals("audio_url returned HTTP 404", refusal(trustingTestServer(1000, TIMEOUT), base + "missing.wav"));
    }

    @Test
    void connectsOnlyToTheAddressItChecked() {
        // A rebinding DNS answer: the checked address first, an unroutable one on every later lookup.
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard.Resolver rebinding = host -> new InetAddress[] {
            lookups.getAndIncrement() == 0 ? InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
                    : InetAddress.getByAddress(host, new byte[] {10, (byte) 255, (byte) 255, 1})};
        UrlGuard guard = new UrlGuard(UrlPolicy.forUploads(true), rebinding);
        SafeFetcher fetcher = new SafeFetcher(guard, TIMEOUT, 1_000_000);
        assertArrayEquals(AUDIO, fetcher.get(URI.create("http://rebind.test:" + base.getPort() + "/song.wav")));
        assertEquals(1, lookups.get(), "the name was resolved once, for the check");
    }

    @Test
    void refusesWhenAnyResolvedAddressIsPrivate() {
        UrlGuard.Resolver split = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
            InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 1, 1})};
        SafeFetcher fetcher = new SafeFetcher(new UrlGuard(UrlPolicy.forUploads(false), split), TIMEOUT, 1000);
        assertEquals("audio_url resolves to a private address (192.168.1.1), which is not allowed",
                refusal(fetcher, "https://two-answers.test/a.mp3"));
    }
}
