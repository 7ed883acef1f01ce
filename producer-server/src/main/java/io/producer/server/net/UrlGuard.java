package io.producer.server.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the server may connect to a URL, and to which addresses.
 *
 * <p>The host is resolved here and every address it resolves to is checked; the caller must then connect to
 * exactly those addresses ({@link Target#addresses()}), never resolve the name again, so a DNS answer that
 * changes between the check and the connection (rebinding) cannot smuggle in a private address.
 * {@link PinnedHttp} does that.
 */
public final class UrlGuard {

    /** Name resolution, injectable so tests can play a rebinding DNS server. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed the check, with the addresses it may be connected to. */
    public record Target(URI uri, String host, int port, boolean secure, List<InetAddress> addresses) {}

    private final UrlPolicy policy;
    private final Resolver resolver;

    public UrlGuard(UrlPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public UrlGuard(UrlPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    public UrlPolicy policy() {
        return policy;
    }

    /**
     * Checks {@code uri}; {@code subject} names it in messages ("audio_url", "webhook_url").
     *
     * @throws UrlRefusedException when the policy forbids it (message is user-facing)
     * @throws FetchException when the host can't be resolved
     */
    public Target check(URI uri, String subject) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(subject + " must be an http or https URL", "scheme " + (scheme.isEmpty() ? "(none)" : scheme) + " is not allowed");
        }
        if (uri.getRawUserInfo() != null) {
            // "https://trusted.example@10.0.0.1/" reads like the first host but connects to the second
            throw refused(subject + " must not contain a user name or password", "URL contains a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refused(subject + " has no valid host name", "URL has no valid host name");
        }
        boolean secure = scheme.equals("https");
        if (!secure && !policy.allowPlainHttp() && !policy.allowLocalhostHttp()) {
            throw refused(subject + " must use https", "plain http is not allowed");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;

        InetAddress[] addresses = resolve(bareHost, subject);
        boolean trusted = policy.trusts(uri);
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            Optional<String> kind = nonPublicKind(address);
            boolean loopback = kind.isPresent() && kind.get().equals(LOOPBACK);
            allLoopback &= loopback;
            if (kind.isEmpty() || trusted || policy.allowPrivateAddresses() || (loopback && policy.allowLocalhostHttp())) {
                continue;
            }
            String reason = kind.get() + " (" + address.getHostAddress() + ")";
            throw refused(subject + " resolves to " + (reason.matches("^[aeiou].*") ? "an " : "a ") + reason + ", which is not allowed", reason);
        }
        if (!secure && !policy.allowPlainHttp() && !allLoopback && !trusted) {
            throw refused(subject + " must use https (plain http is allowed only to localhost in development)",
                    "plain http is allowed only to localhost");
        }
        return new Target(uri, bareHost, port, secure, List.of(addresses));
    }

    private InetAddress[] resolve(String host, String subject) {
        InetAddress literal = numericAddress(host);
        if (literal != null) return new InetAddress[] {literal};
        try {
            InetAddress[] found = resolver.resolve(host);
            if (found == null || found.length == 0) throw new UnknownHostException(host);
            return found;
        } catch (UnknownHostException e) {
            throw new FetchException(subject + " host " + host + " could not be resolved");
        }
    }

    /**
     * IP literals, including the legacy forms that C resolvers and browsers accept ("2130706433", "0x7f.1",
     * "0177.0.0.1"): they are parsed here, so what is checked is exactly what a resolver would connect to.
     */
    static InetAddress numericAddress(String host) {
        try {
            if (host.indexOf(':') >= 0) {
                return InetAddress.getByName(host); // IPv6 literal; no lookup for a literal
            }
            if (!host.matches("(?i)[0-9a-fx.]+") || host.endsWith(".") || host.startsWith(".")) return null;
            String[] parts = host.split("\\.", -1);
            if (parts.length > 4) return null;
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].toLowerCase(Locale.ROOT);
                if (p.isEmpty()) return null;
                int radix = 10;
                if (p.startsWith("0x")) {
                    radix = 16;
                    p = p.substring(2);
                    if (p.isEmpty()) p = "0";
                } else if (p.length() > 1 && p.startsWith("0")) {
                    radix = 8;
                    p = p.substring(1);
                }
                if (p.length() > 10) return null;
                values[i] = Long.parseLong(p, radix);
            }
            // inet_aton: the last part fills all remaining bytes
            long address = 0;
            for (int i = 0; i < values.length - 1; i++) {
                if (values[i] > 255) return null;
                address |= values[i] << (8 * (3 - i));
            }
            long last = values[values.length - 1];
            if (last >= 1L << (8 * (4 - (values.length - 1)))) return null;
            address |= last;
            byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
            return InetAddress.getByAddress(host, bytes);
        } catch (NumberFormatException | UnknownHostException e) {
            return null;
        }
    }

    static final String LOOPBACK = "loopback address";

    /** The kind of a non-public address ("loopback address", "private address", ...), empty for a public one. */
    public static Optional<String> nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return ipv4Kind(b);
        if (address instanceof Inet6Address) {
            boolean firstTenZero = true;
            for (int i = 0; i < 10; i++) firstTenZero &= b[i] == 0;
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms carry an IPv4 address
            if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16)))) {
                if (!(b[10] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 1)) {
                    return ipv4Kind(new byte[] {b[12], b[13], b[14], b[15]});
                }
            }
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) also reach an embedded IPv4 address
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
                Optional<String> inner = ipv4Kind(new byte[] {b[12], b[13], b[14], b[15]});
                if (inner.isPresent()) return inner;
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                Optional<String> inner = ipv4Kind(new byte[] {b[2], b[3], b[4], b[5]});
                if (inner.isPresent()) return inner;
            }
            if (allZero(b, 0, 16)) return Optional.of("unspecified address");
            if (allZero(b, 0, 15) && b[15] == 1) return Optional.of(LOOPBACK);
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0xfe && (second & 0xc0) == 0x80) return Optional.of("link-local address");
            if (first == 0xfe && (second & 0xc0) == 0xc0) return Optional.of("private address"); // site-local, deprecated
            if ((first & 0xfe) == 0xfc) return Optional.of("private address"); // unique local fc00::/7
            if (first == 0xff) return Optional.of("multicast address");
            return Optional.empty();
        }
        return Optional.of("unknown address type");
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff, a3 = b[3] & 0xff;
        if (a0 == 0) return Optional.of("unspecified address");
        if (a0 == 127) return Optional.of(LOOPBACK);
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return Optional.of("private address");
        if (a0 == 169 && a1 == 254) {
            return Optional.of(a2 == 169 && a3 == 254 ? "cloud metadata address" : "link-local address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) return Optional.of("carrier-grade NAT address");
        if (a0 == 192 && a1 == 0 && a2 == 0) return Optional.of("reserved address");
        if (a0 == 198 && (a1 & 0xfe) == 18) return Optional.of("reserved address"); // benchmarking 198.18/15
        if (a0 >= 224 && a0 <= 239) return Optional.of("multicast address");
        if (a0 >= 240) return Optional.of("reserved address"); // includes 255.255.255.255 broadcast
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static UrlRefusedException refused(String message, String reason) {
        return new UrlRefusedException(message, reason);
    }
}
