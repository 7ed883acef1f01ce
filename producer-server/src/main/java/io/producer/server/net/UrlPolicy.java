package io.producer.server.net;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What outbound URLs the server may reach on a user's behalf (upload's {@code audio_url}, webhook delivery).
 *
 * <p>The defaults are the safe ones: public addresses only. The switches are development settings:
 * <ul>
 *   <li>{@code allowPrivateAddresses} ({@code PRODUCER_ALLOW_PRIVATE_URLS=true}): loopback, private, link-local,
 *       CGNAT and other non-public addresses become reachable.</li>
 *   <li>{@code allowPlainHttp}: {@code http://} is accepted for any allowed host (uploads accept http and https).</li>
 *   <li>{@code allowLocalhostHttp} ({@code PRODUCER_WEBHOOK_ALLOW_HTTP=true} for webhooks): plain HTTP to a
 *       loopback address is accepted, and loopback addresses themselves are reachable; nothing else changes,
 *       so a webhook to a private LAN host or to a public host over http stays refused.</li>
 *   <li>{@code trustedOrigins}: exact origins ({@code scheme://host:port}) exempt from the address rule, for an
 *       operator's known internal host. Every other origin, including another port on the same host, is still
 *       checked, so a redirect from a trusted origin to somewhere else is judged on its own.</li>
 * </ul>
 */
public record UrlPolicy(boolean allowPrivateAddresses, boolean allowPlainHttp, boolean allowLocalhostHttp,
                        Set<String> trustedOrigins) {

    public UrlPolicy {
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (String origin : trustedOrigins) normalised.add(originOf(URI.create(origin)));
        trustedOrigins = Set.copyOf(normalised);
    }

    public UrlPolicy(boolean allowPrivateAddresses, boolean allowPlainHttp) {
        this(allowPrivateAddresses, allowPlainHttp, false, Set.of());
    }

    /** Uploads fetch http and https; non-public addresses only with the development setting. */
    public static UrlPolicy forUploads(boolean allowPrivateAddresses) {
        return new UrlPolicy(allowPrivateAddresses, true);
    }

    /** Webhooks go to HTTPS only, unless the development setting allows plain HTTP to localhost. */
    public static UrlPolicy forWebhooks(boolean allowPrivateAddresses, boolean allowLocalhostHttp) {
        return new UrlPolicy(allowPrivateAddresses, false, allowLocalhostHttp, Set.of());
    }

    /** This policy, with one more exact origin exempt from the address rule. */
    public UrlPolicy trusting(URI origin) {
        LinkedHashSet<String> origins = new LinkedHashSet<>(trustedOrigins);
        origins.add(originOf(origin));
        return new UrlPolicy(allowPrivateAddresses, allowPlainHttp, allowLocalhostHttp, origins);
    }

    boolean trusts(URI uri) {
        return !trustedOrigins.isEmpty() && trustedOrigins.contains(originOf(uri));
    }

    static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
