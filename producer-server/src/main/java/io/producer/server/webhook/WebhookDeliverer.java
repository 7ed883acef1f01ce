package io.producer.server.webhook;

import io.producer.server.net.FetchException;
import io.producer.server.net.PinnedHttp;
import io.producer.server.net.UrlGuard;
import io.producer.server.net.UrlPolicy;
import io.producer.server.net.UrlRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.sql.DataSource;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows of the {@link WebhookOutbox}: a background poller claims due rows and a small pool POSTs them.
 *
 * <p>Each attempt is a POST of the stored payload ({@code application/json}) with {@code X-Webhook-Id},
 * {@code X-Webhook-Event}, {@code X-Webhook-Timestamp} (unix seconds of this attempt), {@code X-Webhook-Signature}
 * (see {@link WebhookSigner}) and {@code Idempotency-Key} (= the webhook id, the same on every retry). A 2xx answer
 * delivers it. Anything else (another status, a redirect, which is not followed, a timeout, a refused connection)
 * schedules a retry after {@link Settings#delayAfter(int)}; after {@link Settings#maxAttempts()} the webhook is
 * marked failed. A URL the {@link UrlGuard} refuses (private address, plain http) fails at once: retrying can't help.
 *
 * <p>All state is in the database. A claimed row carries a lease; if the process dies mid-delivery, the lease
 * expires and the row is claimed again (the lost attempt is logged as interrupted), so a restart loses nothing and
 * receivers must de-duplicate on Idempotency-Key, as with any at-least-once delivery.
 */
public final class WebhookDeliverer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    /**
     * Delivery tuning. The retry delay after attempt n is {@code min(baseDelay · 2^(n−1), maxDelay)}, stretched by a
     * random 0..jitter fraction so that receivers coming back from an outage aren't hit by every retry at once.
     */
    public record Settings(Duration baseDelay, Duration maxDelay, int maxAttempts, Duration requestTimeout,
                           Duration pollInterval, int concurrency, double jitter, String defaultSecret) {
        public Settings {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
            if (defaultSecret == null || defaultSecret.isEmpty()) throw new IllegalArgumentException("defaultSecret is required");
        }

        /**
         * Production schedule: 15 attempts; retries after 30 s, 1, 2, 4, 8, 16, 32, 64, 128, 256 min, then every 6 h
         * four times: the last attempt comes about 32.5 h (plus jitter) after the first. 10 s per request.
         */
        public static Settings defaults(String defaultSecret) {
            return new Settings(Duration.ofSeconds(30), Duration.ofHours(6), 15, Duration.ofSeconds(10),
                    Duration.ofSeconds(1), 4, 0.1, defaultSecret);
        }

        public Settings withBaseDelay(Duration base, Duration max) {
            return new Settings(base, max, maxAttempts, requestTimeout, pollInterval, concurrency, jitter, defaultSecret);
        }

        public Settings withPollInterval(Duration poll) {
            return new Settings(baseDelay, maxDelay, maxAttempts, requestTimeout, poll, concurrency, jitter, defaultSecret);
        }

        public Settings withJitter(double fraction) {
            return new Settings(baseDelay, maxDelay, maxAttempts, requestTimeout, pollInterval, concurrency, fraction, defaultSecret);
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(baseDelay, maxDelay, maxAttempts, timeout, pollInterval, concurrency, jitter, defaultSecret);
        }

        /** The delay before the attempt that follows attempt {@code attempt} (1-based), without jitter. */
        public Duration delayAfter(int attempt) {
            int doublings = Math.min(attempt - 1, 40);
            Duration d = baseDelay.multipliedBy(1L << Math.min(doublings, 30));
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }

        /** Time from the first attempt to the last one, without jitter. */
        public Duration retryWindow() {
            Duration total = Duration.ZERO;
            for (int n = 1; n < maxAttempts; n++) total = total.plus(delayAfter(n));
            return total;
        }

        /** A claimed row whose lease ran out belonged to a deliverer that died. */
        Duration lease() {
            return requestTimeout.multipliedBy(3).plusSeconds(30);
        }
    }

    private final DataSource dataSource;
    private final UrlGuard guard;
    private final Settings settings;
    private final Semaphore slots;
    private final AtomicInteger threadIds = new AtomicInteger();
    private final Object wakeup = new Object();
    private ExecutorService pool;
    private Thread poller;
    private volatile boolean running;

    public WebhookDeliverer(DataSource dataSource, UrlPolicy policy, Settings settings) {
        this(dataSource, new UrlGuard(policy), settings);
    }

    public WebhookDeliverer(DataSource dataSource, UrlGuard guard, Settings settings) {
        this.dataSource = dataSource;
        this.guard = guard;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency());
    }

    public Settings settings() {
        return settings;
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-delivery-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::pollLoop, "webhook-poller");
        poller.setDaemon(true);
        poller.start();
    }

    /** Stops polling and waits briefly for attempts in flight; an unfinished one is retried after its lease. */
    @Override
    public synchronized void close() {
        if (!running) return;
        running = false;
        poller.interrupt();
        pool.shutdown();
        try {
            poller.join(5000);
            if (!pool.awaitTermination(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the poller now instead of at its next interval (after an enqueue, say). */
    public void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    private void pollLoop() {
        while (running) {
            try {
                int free = slots.availablePermits();
                if (free > 0) {
                    for (Claim claim : claimDue(free)) {
                        slots.acquire();
                        try {
                            pool.execute(() -> {
                                try {
                                    deliver(claim);
                                } finally {
                                    slots.release();
                                }
                            });
                        } catch (RuntimeException rejected) {
                            slots.release(); // shutting down: the lease brings the row back later
                        }
                    }
                }
                synchronized (wakeup) {
                    wakeup.wait(Math.max(1, settings.pollInterval().toMillis()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("webhook poll failed: {}", e.toString());
                try {
                    Thread.sleep(Math.max(100, settings.pollInterval().toMillis()));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    record Claim(String id, String taskId, String url, String secret, String event, String payload, int attempt) {}

    private List<Claim> claimDue(int limit) throws SQLException {
        long now = System.currentTimeMillis();
        List<Claim> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT id, state, attempts FROM webhook_outbox
                    WHERE (state = 'pending' AND next_attempt_at <= ?) OR (state = 'delivering' AND lease_until <= ?)
                    ORDER BY next_attempt_at LIMIT ?""")) {
                q.setLong(1, now);
                q.setLong(2, now);
                q.setInt(3, limit);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) due.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            for (String[] row : due) {
                // Conditional update: only one claimer wins a row, even with several processes on one database.
                try (PreparedStatement u = c.prepareStatement("""
                        UPDATE webhook_outbox SET state = 'delivering', attempts = attempts + 1, lease_until = ?
                        WHERE id = ? AND attempts = ?
                          AND ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'delivering' AND lease_until <= ?))
                        RETURNING task_id, url, secret, event, payload, attempts""")) {
                    u.setLong(1, now + settings.lease().toMillis());
                    u.setString(2, row[0]);
                    u.setInt(3, Integer.parseInt(row[2]));
                    u.setLong(4, now);
                    u.setLong(5, now);
                    Claim claim;
                    try (ResultSet r = u.executeQuery()) {
                        if (!r.next()) continue;
                        claim = new Claim(row[0], r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getInt(6));
                    }
                    if (row[1].equals("delivering")) {
                        logAttempt(c, claim.id(), claim.taskId(), claim.attempt() - 1, now, null,
                                "interrupted: the server stopped during this attempt", 0);
                    }
                    if (!c.getAutoCommit()) c.commit();
                    claimed.add(claim);
                }
            }
        }
        return claimed;
    }

    private void deliver(Claim claim) {
        long started = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean permanent = false;
        try {
            UrlGuard.Target target = guard.check(URI.create(claim.url()), "webhook_url");
            byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
            String secret = claim.secret() != null ? claim.secret() : settings.defaultSecret();
            HttpPost post = new HttpPost(target.uri());
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            post.setHeader("X-Webhook-Id", claim.id());
            post.setHeader("X-Webhook-Event", claim.event());
            post.setHeader("Idempotency-Key", claim.id());
            try (var client = PinnedHttp.open(target, settings.requestTimeout())) {
                // Signed at the moment of sending: receivers check the timestamp against their clock.
                long timestamp = System.currentTimeMillis() / 1000;
                post.setHeader("X-Webhook-Timestamp", Long.toString(timestamp));
                post.setHeader("X-Webhook-Signature", new WebhookSigner(secret).sign(timestamp, body));
                try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
                    status = response.getCode();
                    if (response.getEntity() != null) {
                        // Read a little of the answer so keep-alive receivers see a normal exchange, then cut it.
                        try (InputStream in = response.getEntity().getContent()) {
                            in.readNBytes(4096);
                        }
                        post.abort();
                    }
                    if (status < 200 || status >= 300) {
                        error = status >= 300 && status < 400 ? "redirect (HTTP " + status + ") not followed" : "HTTP " + status;
                    }
                }
            }
        } catch (UrlRefusedException e) {
            error = e.getMessage();
            permanent = true;
        } catch (FetchException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            error = "webhook_url is not a valid URL";
            permanent = true;
        } catch (SocketTimeoutException e) {
            error = "no response within " + settings.requestTimeout().toMillis() + " ms";
        } catch (ConnectException e) {
            error = "connection refused";
        } catch (SSLException e) {
            error = "TLS failed: " + e.getMessage();
        } catch (IOException e) {
            error = "connection failed: " + e;
        }
        long durationMs = (System.nanoTime() - t0) / 1_000_000;
        try {
            record(claim, started, status, error, permanent, durationMs);
        } catch (SQLException e) {
            // The lease will bring the row back; the receiver de-duplicates on Idempotency-Key.
            log.warn("could not record webhook attempt {} of {}: {}", claim.attempt(), claim.id(), e.toString());
        }
    }

    private void record(Claim claim, long started, Integer status, String error, boolean permanent, long durationMs)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                logAttempt(c, claim.id(), claim.taskId(), claim.attempt(), started, status, error, durationMs);
                if (error == null) {
                    update(c, "UPDATE webhook_outbox SET state = 'delivered', delivered_at = ?, lease_until = NULL, last_error = NULL WHERE id = ?",
                            now, claim.id());
                    log.info("webhook {} {} for task {} delivered (attempt {}, HTTP {})", claim.id(), claim.event(),
                            claim.taskId(), claim.attempt(), status);
                } else if (permanent || claim.attempt() >= settings.maxAttempts()) {
                    try (PreparedStatement u = c.prepareStatement(
                            "UPDATE webhook_outbox SET state = 'failed', lease_until = NULL, last_error = ? WHERE id = ?")) {
                        u.setString(1, error);
                        u.setString(2, claim.id());
                        u.executeUpdate();
                    }
                    log.warn("webhook {} for task {} failed for good after attempt {}: {}", claim.id(), claim.taskId(),
                            claim.attempt(), error);
                } else {
                    long delay = settings.delayAfter(claim.attempt()).toMillis();
                    delay += (long) (delay * settings.jitter() * ThreadLocalRandom.current().nextDouble());
                    try (PreparedStatement u = c.prepareStatement(
                            "UPDATE webhook_outbox SET state = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?")) {
                        u.setLong(1, now + delay);
                        u.setString(2, error);
                        u.setString(3, claim.id());
                        u.executeUpdate();
                    }
                    log.info("webhook {} for task {} attempt {} failed ({}); retry in {} ms", claim.id(), claim.taskId(),
                            claim.attempt(), error, delay);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static void update(Connection c, String sql, long time, String id) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            u.setLong(1, time);
            u.setString(2, id);
            u.executeUpdate();
        }
    }

    private static void logAttempt(Connection c, String webhookId, String taskId, int attempt, long started, Integer status,
                                   String error, long durationMs) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("""
                INSERT INTO webhook_attempts (webhook_id, task_id, attempt, started_at, status_code, error, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            i.setString(1, webhookId);
            i.setString(2, taskId);
            i.setInt(3, attempt);
            i.setLong(4, started);
            if (status == null) i.setNull(5, java.sql.Types.INTEGER);
            else i.setInt(5, status);
            i.setString(6, error);
            i.setLong(7, durationMs);
            i.executeUpdate();
        }
    }
}
