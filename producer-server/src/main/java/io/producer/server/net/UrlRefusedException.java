package io.producer.server.net;

/**
 * The {@link UrlGuard} refused a URL. {@link #reason()} is the bare reason ("loopback address (127.0.0.1)"),
 * so callers can phrase it for the hop it concerns; {@link #getMessage()} is already a full sentence.
 */
public final class UrlRefusedException extends FetchException {
    private final String reason;

    UrlRefusedException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
