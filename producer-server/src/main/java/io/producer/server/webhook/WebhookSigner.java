package io.producer.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Webhook-Signature: sha256=<hex>} where the hex is
 * HMAC-SHA256(key = secret, message = "<X-Webhook-Timestamp>." + raw body bytes).
 * Binding the timestamp into the MAC lets a receiver reject replays of an old delivery.
 */
public final class WebhookSigner {
    public static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("webhook secret must not be empty");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value for a delivery made at {@code timestampSeconds} (unix seconds). */
    public String sign(long timestampSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestampSeconds, body));
    }

    /** Constant-time check of a received header value. */
    public boolean verify(String header, long timestampSeconds, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(timestampSeconds, body));
    }

    private byte[] mac(long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
