package io.producer.server.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private static final byte[] BODY = "{\"task_id\":\"t1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnIndependentlyComputedVector() {
        // python3: hmac.new(b'whsec_test', b'1700000000.{"task_id":"t1"}', hashlib.sha256).hexdigest()
        assertEquals("sha256=61d77fa778645735e8be7cc3846546ccca2f44533bee7f471c9cb5cfa24445ce",
                new WebhookSigner("whsec_test").sign(1700000000L, BODY));
    }

    @Test
    void verifiesOnlyTheExactTimestampBodyAndSecret() {
        WebhookSigner signer = new WebhookSigner("whsec_test");
        String header = signer.sign(1700000000L, BODY);
        assertTrue(signer.verify(header, 1700000000L, BODY));
        assertFalse(signer.verify(header, 1700000001L, BODY));
        assertFalse(signer.verify(header, 1700000000L, "{\"task_id\":\"t2\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(new WebhookSigner("other").verify(header, 1700000000L, BODY));
        assertFalse(signer.verify("sha256=zz", 1700000000L, BODY));
        assertFalse(signer.verify(null, 1700000000L, BODY));
    }
}
