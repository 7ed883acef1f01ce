package io.producer.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlGuardTest {

    private static Optional<String> kind(String literal) throws UnknownHostException {
        return UrlGuard.nonPublicKind(InetAddress.getByName(literal));
    }

    @Test
    void classifiesIpv4Ranges() throws UnknownHostException {
        assertEquals(Optional.of("loopback address"), kind("127.3.4.5"));
        assertEquals(Optional.of("private address"), kind("10.1.2.3"));
        assertEquals(Optional.of("private address"), kind("172.31.255.255"));
        assertEquals(Optional.empty(), kind("172.32.0.1"));
        assertEquals(Optional.of("private address"), kind("192.168.0.1"));
        assertEquals(Optional.of("link-local address"), kind("169.254.1.1"));
        assertEquals(Optional.of("cloud metadata address"), kind("169.254.169.254"));
        assertEquals(Optional.of("carrier-grade NAT address"), kind("100.127.255.255"));
        assertEquals(Optional.empty(), kind("100.128.0.1"));
        assertEquals(Optional.of("unspecified address"), kind("0.0.0.0"));
        assertEquals(Optional.of("multicast address"), kind("239.1.1.1"));
        assertEquals(Optional.of("reserved address"), kind("255.255.255.255"));
        assertEquals(Optional.empty(), kind("93.184.216.34"));
        assertEquals(Optional.empty(), kind("8.8.8.8"));
    }

    @Test
    void classifiesIpv6RangesAndEmbeddedIpv4() throws UnknownHostException {
        assertEquals(Optional.of("loopback address"), kind("::1"));
        assertEquals(Optional.of("unspecified address"), kind("::"));
        assertEquals(Optional.of("link-local address"), kind("fe80::1"));
        assertEquals(Optional.of("private address"), kind("fc00::1"));
        assertEquals(Optional.of("private address"), kind("fd00:ec2::254"));
        assertEquals(Optional.of("multicast address"), kind("ff02::1"));
        assertEquals(Optional.of("cloud metadata address"), kind("::ffff:169.254.169.254"));
        assertEquals(Optional.of("loopback address"), kind("::ffff:7f00:1"));
        assertEquals(Optional.of("private address"), kind("::10.0.0.1"));
        assertEquals(Optional.of("private address"), kind("64:ff9b::a00:1"));
        assertEquals(Optional.of("loopback address"), kind("2002:7f00:1::"));
        assertEquals(Optional.empty(), kind("2606:4700:4700::1111"));
    }

    @Test
    void parsesLegacyNumericHostsLikeAResolverWould() {
        assertEquals("127.0.0.1", UrlGuard.numericAddress("2130706433").getHostAddress());
        assertEquals("127.0.0.1", UrlGuard.numericAddress("0x7F000001").getHostAddress());
        assertEquals("127.0.0.1", UrlGuard.numericAddress("0177.0.0.01").getHostAddress());
        assertEquals("10.0.0.1", UrlGuard.numericAddress("10.1").getHostAddress());
        assertEquals("10.1.0.1", UrlGuard.numericAddress("10.1.1").getHostAddress());
        assertEquals(null, UrlGuard.numericAddress("256.1.1.1"));
        assertEquals(null, UrlGuard.numericAddress("example.com"));
        assertEquals(null, UrlGuard.numericAddress("cafe.be"), "a hex-looking name with letters beyond x is a name");
    }

    @Test
    void webhookPolicyIsHttpsOnlyUnlessLocalhostDevelopment() {
        UrlGuard strict = new UrlGuard(UrlPolicy.forWebhooks(false, false));
        assertEquals("webhook_url must use https",
                assertThrows(UrlRefusedException.class, () -> strict.check(URI.create("http://93.184.216.34/hook"), "webhook_url")).getMessage());
        assertEquals("webhook_url resolves to a loopback address (127.0.0.1), which is not allowed",
                assertThrows(UrlRefusedException.class, () -> strict.check(URI.create("https://127.0.0.1/hook"), "webhook_url")).getMessage());

        UrlGuard dev = new UrlGuard(UrlPolicy.forWebhooks(false, true));
        assertEquals(8080, dev.check(URI.create("http://127.0.0.1:8080/hook"), "webhook_url").port());
        assertEquals("webhook_url must use https (plain http is allowed only to localhost in development)",
                assertThrows(UrlRefusedException.class, () -> dev.check(URI.create("http://93.184.216.34/hook"), "webhook_url")).getMessage());
        assertEquals("webhook_url resolves to a private address (192.168.1.10), which is not allowed",
                assertThrows(UrlRefusedException.class, () -> dev.check(URI.create("http://192.168.1.10/hook"), "webhook_url")).getMessage());
        assertEquals(443, dev.check(URI.create("https://93.184.216.34/hook"), "webhook_url").port());
    }
}
