package io.producer.server.api;

/**
 * A request the API refuses, with the HTTP status, a machine-readable type and a message for the
 * user that names the field and the rule.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;

    public ApiException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() { return status; }
    public String type() { return type; }

    public static ApiException badRequest(String message) { return new ApiException(400, "invalid_request", message); }
    public static ApiException notFound(String message) { return new ApiException(404, "not_found", message); }
    public static ApiException unauthorized(String message) { return new ApiException(401, "unauthorized", message); }
}
