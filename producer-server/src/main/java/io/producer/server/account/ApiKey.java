package io.producer.server.account;

/** An API key as stored: never the secret itself, only its hash and a recognisable prefix. */
public record ApiKey(String id, String name, String prefix, long createdAt, Long revokedAt) {
    public boolean revoked() { return revokedAt != null; }
}
