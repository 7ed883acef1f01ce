package io.producer.server.account;

import io.producer.server.store.Database;
import io.producer.server.store.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys. A key is {@code pk_} + 32 random bytes (base64url); the database keeps only its
 * SHA-256, so a stolen database file does not leak usable keys. Every key is its own account
 * with its own credits.
 */
public final class ApiKeys {
    /** A freshly created key: {@code secret} is shown once and never again. */
    public record Created(ApiKey key, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public ApiKeys(Database db) {
        this.db = db;
    }

    public Created create(String name, long initialCredits) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String id = "key_" + HexFormat.of().formatHex(idBytes);
        long now = System.currentTimeMillis();
        ApiKey key = new ApiKey(id, name, secret.substring(0, 10), now, null);
        db.tx(c -> {
            Sql.update(c, "INSERT INTO api_keys(id, name, key_hash, key_prefix, created_at) VALUES (?,?,?,?,?)",
                    id, name, hash(secret), key.prefix(), now);
            if (initialCredits != 0) Credits.grant(c, id, initialCredits);
            return null;
        });
        return new Created(key, secret);
    }

    /** The active key for a presented secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) return Optional.empty();
        String h = hash(secret);
        return db.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                ApiKeys::map, h));
    }

    public Optional<ApiKey> find(String id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE id = ?", ApiKeys::map, id));
    }

    public List<ApiKey> list() {
        return db.read(c -> Sql.list(c, "SELECT * FROM api_keys ORDER BY created_at, id", ApiKeys::map));
    }

    public long count() {
        return db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM api_keys"));
    }

    /** Revokes a key; false when no such active key exists. */
    public boolean revoke(String id) {
        return db.tx(c -> Sql.update(c, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                System.currentTimeMillis(), id) == 1);
    }

    private static ApiKey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long revoked = rs.getLong("revoked_at");
        Long revokedAt = rs.wasNull() ? null : revoked;
        return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
                rs.getLong("created_at"), revokedAt);
    }

    static String hash(String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
