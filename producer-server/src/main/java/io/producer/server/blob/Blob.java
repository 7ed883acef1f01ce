package io.producer.server.blob;

/** A stored file: who owns it, what it is, and its digest (the ETag). */
public record Blob(String id, String keyId, String kind, String contentType, long size, String sha256, long createdAt) {
    public String extension() {
        return switch (contentType) {
            case "audio/mpeg" -> "mp3";
            case "audio/wav" -> "wav";
            case "image/png" -> "png";
            case "audio/midi" -> "mid";
            case "application/json" -> "json";
            default -> "bin";
        };
    }
}
