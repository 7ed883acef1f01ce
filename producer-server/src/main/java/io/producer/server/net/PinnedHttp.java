package io.producer.server.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP client that connects only to the addresses a {@link UrlGuard} checked.
 *
 * <p>Apache HttpClient is used because its {@link DnsResolver} is injectable: the client keeps the URL's host
 * name for the Host header, TLS SNI and certificate verification, but the socket goes to the pinned address.
 * The JDK's clients resolve names themselves, which would reopen the rebinding window. Redirects are never
 * followed here (each hop must be checked first), proxies are not consulted, and nothing is retried.
 */
public final class PinnedHttp {
    private PinnedHttp() {}

    public static CloseableHttpClient open(UrlGuard.Target target, Duration timeout) {
        InetAddress[] pinned = target.addresses().toArray(InetAddress[]::new);
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return pinned.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout t = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Producer/0.1 (+self-hosted)")
                .build();
    }
}
