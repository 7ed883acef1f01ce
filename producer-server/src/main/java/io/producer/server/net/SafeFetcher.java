package io.producer.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Downloads a user-supplied URL without letting the user point the server at itself or its network.
 *
 * <p>Every hop, the first and each redirect (at most {@value #MAX_REDIRECTS}), passes the {@link UrlGuard} and is
 * connected to the address that was checked. {@code timeout} bounds the connection and each read; the whole
 * download is bounded by {@value #TOTAL_TIMEOUT_FACTOR} × {@code timeout}, so a server dripping one byte at a
 * time can't hold a worker. The size cap applies to the declared Content-Length and to the bytes actually read.
 */
public final class SafeFetcher {
    public static final int MAX_REDIRECTS = 5;
    public static final int TOTAL_TIMEOUT_FACTOR = 6;

    private final UrlGuard guard;
    private final Duration timeout;
    private final long maxBytes;

    public SafeFetcher(UrlPolicy policy, Duration timeout, long maxBytes) {
        this(new UrlGuard(policy), timeout, maxBytes);
    }

    public SafeFetcher(UrlGuard guard, Duration timeout, long maxBytes) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Fetches an upload's {@code audio_url}; messages name that field. */
    public byte[] get(URI uri) {
        return get(uri, "audio_url");
    }

    public byte[] get(URI uri, String subject) {
        long deadline = System.nanoTime() + timeout.toNanos() * TOTAL_TIMEOUT_FACTOR;
        URI current = uri;
        for (int hop = 0; ; hop++) {
            UrlGuard.Target target;
            if (hop == 0) {
                target = guard.check(current, subject);
            } else {
                try {
                    target = guard.check(current, "redirect to " + current);
                } catch (UrlRefusedException e) {
                    throw new FetchException("redirect to " + current + " refused: " + e.reason());
                }
            }
            try (var client = PinnedHttp.open(target, timeout)) {
                HttpGet request = new HttpGet(current);
                request.addHeader("Accept", "audio/*, application/octet-stream;q=0.9, */*;q=0.5");
                Hop result;
                // executeOpen, not a response handler: on refusal the connection must be cut, not drained
                try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                    int status = response.getCode();
                    if (status >= 300 && status < 400 && status != 304) {
                        request.abort();
                        result = new Hop(redirectTarget(response, subject), null);
                    } else if (status < 200 || status >= 300) {
                        request.abort();
                        throw new FetchException(subject + " returned HTTP " + status);
                    } else {
                        result = new Hop(null, readCapped(request, response.getEntity(), subject, deadline));
                    }
                }
                if (result.body() != null) return result.body();
                if (hop == MAX_REDIRECTS) {
                    throw new FetchException(subject + " redirected more than " + MAX_REDIRECTS + " times");
                }
                current = current.resolve(result.redirect());
            } catch (FetchException e) {
                throw e;
            } catch (UnknownHostException e) {
                throw new FetchException(subject + " host " + target.host() + " could not be resolved");
            } catch (SocketTimeoutException e) {
                throw new FetchException(subject + " did not respond within " + seconds(timeout));
            } catch (ConnectException e) {
                throw new FetchException(subject + " could not be reached (connection refused by " + target.host() + ")");
            } catch (SSLException e) {
                throw new FetchException(subject + " TLS handshake with " + target.host() + " failed: " + e.getMessage());
            } catch (IOException e) {
                throw new FetchException(subject + " could not be fetched: " + e.getMessage());
            }
        }
    }

    private record Hop(URI redirect, byte[] body) {}

    private static URI redirectTarget(ClassicHttpResponse response, String subject) {
        Header location = response.getFirstHeader("Location");
        if (location == null || location.getValue().isBlank()) {
            throw new FetchException(subject + " answered a redirect (HTTP " + response.getCode() + ") without a Location");
        }
        try {
            return new URI(location.getValue().trim());
        } catch (URISyntaxException e) {
            throw new FetchException(subject + " redirected to an invalid URL: " + location.getValue());
        }
    }

    private byte[] readCapped(HttpGet request, HttpEntity entity, String subject, long deadline) throws IOException {
        if (entity == null) return new byte[0];
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            request.abort();
            throw tooLarge(subject);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192), maxBytes));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        InputStream in = entity.getContent();
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                request.abort();
                throw tooLarge(subject);
            }
            if (System.nanoTime() > deadline) {
                request.abort();
                throw new FetchException(subject + " took longer than " + seconds(timeout.multipliedBy(TOTAL_TIMEOUT_FACTOR)) + " to download");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private FetchException tooLarge(String subject) {
        return new FetchException(subject + " is larger than " + size(maxBytes));
    }

    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
