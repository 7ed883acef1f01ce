package io.producer.server.blob;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * Signed, expiring file URLs: {@code /files/<blob id>.<ext>?expires=<unix s>&sig=<HMAC-SHA256(secret,
 * id + "." + expires)>}. The secret is 32 random bytes in {@code <data>/url-signing.key}, created on
 * the first start, so URLs stay valid across restarts.
 */
public final class UrlSigner {
    private final byte[] secret;

    public UrlSigner(byte[] secret) {
        if (secret.length < 16) throw new IllegalArgumentException("signing secret too short");
        this.secret = secret.clone();
    }

    public static UrlSigner fromDataDir(Path dataDir) {
        Path file = dataDir.resolve("url-signing.key");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
                    Files.writeString(file, HexFormat.of().formatHex(key));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, HexFormat.of().formatHex(key));
                }
            }
            return new UrlSigner(HexFormat.of().parseHex(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** The path and query of a signed URL for {@code blobId}, valid until {@code expires}. */
    public String signedPath(String blobId, String extension, Instant expires) {
        long exp = expires.getEpochSecond();
        return "/files/" + blobId + "." + extension + "?expires=" + exp + "&sig=" + sign(blobId, exp);
    }

    public boolean verify(String blobId, long expires, String sig, Instant now) {
        if (sig == null || expires < now.getEpochSecond()) return false;
        return MessageDigest.isEqual(sign(blobId, expires).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    /** A keyed hash of {@code label} (hex), for ids that must not be guessable. */
    public String derive(String label) {
        return HexFormat.of().formatHex(hmac(("derive:" + label).getBytes(StandardCharsets.UTF_8)));
    }

    private String sign(String blobId, long expires) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac((blobId + "." + expires).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
