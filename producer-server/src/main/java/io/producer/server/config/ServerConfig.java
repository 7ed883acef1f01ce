package io.producer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the server. Each one has an environment variable (read by {@link #fromEnv})
 * and a flag of {@code producer serve} that overrides it; README.md documents them all.
 *
 * @param port              HTTP port (0 = pick a free one)
 * @param host              bind address
 * @param dataDir           SQLite database, blobs and the URL-signing secret live here
 * @param publicUrl         base of the file URLs handed to clients; null = http://localhost:{port}
 * @param workers           render workers; 0 = this process only accepts and queues tasks
 * @param queueLimit        pending + running tasks above which create/upload/download answer 429
 * @param allowPrivateUrls  development: upload and webhooks may reach loopback/private hosts
 * @param webhookAllowHttp  development: webhook_url may be plain http
 * @param maxBodyBytes      request body limit (413 above it)
 * @param fileUrlTtl        how long a signed file URL stays valid
 * @param lease             how long a claimed task stays with its worker without a heartbeat
 * @param maxAttempts       claims of one task before it is failed and refunded (a task that kills its worker)
 * @param initialCredits    credits of the key created on the first start with an empty database
 * @param uploadMaxBytes    size cap of a fetched upload
 * @param uploadTimeout     connect + read timeout of an upload fetch
 * @param uploadMaxSeconds  longest accepted upload
 * @param trustedOrigins    exact origins (scheme://host:port) that upload and webhooks may reach even when private
 */
public record ServerConfig(int port, String host, Path dataDir, String publicUrl, int workers, int queueLimit,
                           boolean allowPrivateUrls, boolean webhookAllowHttp, int maxBodyBytes,
                           Duration fileUrlTtl, Duration lease, int maxAttempts, long initialCredits,
                           long uploadMaxBytes, Duration uploadTimeout, double uploadMaxSeconds,
                           java.util.List<String> trustedOrigins) {

    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, got " + port);
        if (workers < 0) throw new IllegalArgumentException("workers must be >= 0, got " + workers);
        if (queueLimit < 1) throw new IllegalArgumentException("queue limit must be >= 1, got " + queueLimit);
        if (lease.toMillis() < 1000) throw new IllegalArgumentException("lease must be at least 1 s");
        if (publicUrl != null && publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        if (publicUrl != null && publicUrl.isBlank()) publicUrl = null;
        trustedOrigins = java.util.List.copyOf(trustedOrigins);
    }

    /** Workers default to the cores minus one (the HTTP side needs one), at least one. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public static ServerConfig defaults() { return fromEnv(Map.of()); }

    public static ServerConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        return new ServerConfig(
                e.integer("PRODUCER_PORT", DEFAULT_PORT),
                e.string("PRODUCER_HOST", "0.0.0.0"),
                Path.of(e.string("PRODUCER_DATA_DIR", "./data")),
                e.string("PRODUCER_PUBLIC_URL", null),
                e.integer("PRODUCER_WORKERS", defaultWorkers()),
                e.integer("PRODUCER_QUEUE_LIMIT", 100),
                e.bool("PRODUCER_ALLOW_PRIVATE_URLS", false),
                e.bool("PRODUCER_WEBHOOK_ALLOW_HTTP", false),
                e.integer("PRODUCER_MAX_BODY_BYTES", 256 * 1024),
                Duration.ofSeconds(e.integer("PRODUCER_FILE_URL_TTL_SECONDS", 24 * 3600)),
                Duration.ofSeconds(e.integer("PRODUCER_LEASE_SECONDS", 60)),
                e.integer("PRODUCER_MAX_ATTEMPTS", 3),
                e.integer("PRODUCER_INITIAL_CREDITS", 500),
                e.integer("PRODUCER_UPLOAD_MAX_BYTES", 100 * 1024 * 1024),
                Duration.ofSeconds(e.integer("PRODUCER_UPLOAD_TIMEOUT_SECONDS", 30)),
                240.0,
                e.list("PRODUCER_TRUSTED_ORIGINS"));
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(p, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(port, h, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withDataDir(Path d) {
        return new ServerConfig(port, host, d, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withWorkers(int w) {
        return new ServerConfig(port, host, dataDir, publicUrl, w, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withQueueLimit(int q) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, q, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withAllowPrivateUrls(boolean a) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, a, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withWebhookAllowHttp(boolean a) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, a, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withLease(Duration l) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, l, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withPublicUrl(String u) {
        return new ServerConfig(port, host, dataDir, u, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withInitialCredits(long c) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, c, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withMaxBodyBytes(int b) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, b, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    public ServerConfig withTrustedOrigins(java.util.List<String> o) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, maxAttempts, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, o);
    }

    public ServerConfig withMaxAttempts(int m) {
        return new ServerConfig(port, host, dataDir, publicUrl, workers, queueLimit, allowPrivateUrls, webhookAllowHttp, maxBodyBytes, fileUrlTtl, lease, m, initialCredits, uploadMaxBytes, uploadTimeout, uploadMaxSeconds, trustedOrigins);
    }

    private record Env(Map<String, String> env) {
        String string(String name, String def) {
            String v = env.get(name);
            return v == null || v.isBlank() ? def : v.trim();
        }

        int integer(String name, int def) {
            String v = string(name, null);
            if (v == null) return def;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
            }
        }

        java.util.List<String> list(String name) {
            String v = string(name, null);
            if (v == null) return java.util.List.of();
            return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }

        boolean bool(String name, boolean def) {
            String v = string(name, null);
            if (v == null) return def;
            return switch (v.toLowerCase()) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
            };
        }
    }
}
