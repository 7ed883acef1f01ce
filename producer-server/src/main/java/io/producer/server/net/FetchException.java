package io.producer.server.net;

/** An outbound fetch that was refused or failed; the message is written for the API user. */
public class FetchException extends RuntimeException {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
