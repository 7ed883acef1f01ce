package io.producer.server.webhook;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable webhook outbox and its delivery log (tables of {@code V2__webhooks.sql}).
 *
 * <p>{@link #enqueue} only inserts a row, inside the caller's transaction: finishing a task never waits on a
 * receiver. {@link WebhookDeliverer} sends the rows afterwards.
 */
public final class WebhookOutbox {
    private WebhookOutbox() {}

    /** One delivery attempt. {@code statusCode} is null when no HTTP response was received. */
    public record Delivery(String webhookId, String event, int attempt, Instant at, Integer statusCode, String error,
                           long durationMs) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** One webhook of a task and where its delivery stands. */
    public record Webhook(String webhookId, String event, String url, String state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant deliveredAt, String lastError, List<Delivery> deliveries) {}

    /**
     * Records a webhook to deliver, in the caller's transaction {@code tx}.
     *
     * @param secret the task's webhook_secret, or null to sign with the server's default secret
     * @param event "song.completed" or "song.failed"
     * @return the webhook id (sent as X-Webhook-Id and Idempotency-Key)
     */
    public static String enqueue(Connection tx, String taskId, String url, String secret, String event, String payloadJson)
            throws SQLException {
        if (!WebhookPayloads.COMPLETED.equals(event) && !WebhookPayloads.FAILED.equals(event)) {
            throw new IllegalArgumentException("event must be song.completed or song.failed, not " + event);
        }
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO webhook_outbox (id, task_id, url, secret, event, payload, state, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, taskId);
            insert.setString(3, url);
            if (secret == null || secret.isEmpty()) insert.setNull(4, Types.VARCHAR);
            else insert.setString(4, secret);
            insert.setString(5, event);
            insert.setString(6, payloadJson);
            insert.setLong(7, now);
            insert.setLong(8, now);
            insert.executeUpdate();
        }
        return id;
    }

    /** The delivery log of a task: every attempt of every webhook, oldest first. */
    public static List<Delivery> deliveries(DataSource dataSource, String taskId) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        for (Webhook webhook : webhooks(dataSource, taskId)) out.addAll(webhook.deliveries());
        return out;
    }

    /** The webhooks of a task with their state and attempts, oldest first. */
    public static List<Webhook> webhooks(DataSource dataSource, String taskId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, List<Delivery>> attempts = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT a.webhook_id, o.event, a.attempt, a.started_at, a.status_code, a.error, a.duration_ms
                    FROM webhook_attempts a JOIN webhook_outbox o ON o.id = a.webhook_id
                    WHERE a.task_id = ? ORDER BY a.id""")) {
                q.setString(1, taskId);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        int status = r.getInt(5);
                        Integer statusCode = r.wasNull() ? null : status;
                        attempts.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Delivery(
                                r.getString(1), r.getString(2), r.getInt(3), Instant.ofEpochMilli(r.getLong(4)),
                                statusCode, r.getString(6), r.getLong(7)));
                    }
                }
            }
            List<Webhook> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT id, event, url, state, attempts, created_at, next_attempt_at, delivered_at, last_error
                    FROM webhook_outbox WHERE task_id = ? ORDER BY created_at, id""")) {
                q.setString(1, taskId);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String state = r.getString(4);
                        boolean waiting = state.equals("pending") || state.equals("delivering");
                        long delivered = r.getLong(8);
                        Instant deliveredAt = r.wasNull() ? null : Instant.ofEpochMilli(delivered);
                        out.add(new Webhook(r.getString(1), r.getString(2), r.getString(3), state, r.getInt(5),
                                Instant.ofEpochMilli(r.getLong(6)), waiting ? Instant.ofEpochMilli(r.getLong(7)) : null,
                                deliveredAt, r.getString(9), List.copyOf(attempts.getOrDefault(r.getString(1), List.of()))));
                    }
                }
            }
            return out;
        }
    }

    /**
     * The server-managed secret that signs webhooks of tasks without a webhook_secret: 32 random bytes, hex,
     * created on first use and kept in the database so it survives restarts.
     */
    public static String defaultSecret(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String existing = readDefaultSecret(c);
            if (existing != null) return existing;
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO webhook_default_secret (id, secret, created_at) VALUES (1, ?, ?)")) {
                insert.setString(1, "whsec_" + HexFormat.of().formatHex(random));
                insert.setLong(2, System.currentTimeMillis());
                insert.executeUpdate();
            }
            if (!c.getAutoCommit()) c.commit();
            return readDefaultSecret(c); // another process may have won the insert
        }
    }

    private static String readDefaultSecret(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT secret FROM webhook_default_secret WHERE id = 1");
             ResultSet r = q.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
