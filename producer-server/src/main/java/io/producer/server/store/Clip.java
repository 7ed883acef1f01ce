package io.producer.server.store;

import java.util.Map;

/**
 * A clip row: the song's metadata and the blob ids of everything rendered for it.
 * {@code imageUrl} is the request's cover_url (reported as given, never fetched); otherwise the
 * generated cover is {@code imageBlob}. {@code stems} maps vocals/drums/bass/other to blob ids.
 */
public record Clip(String id, String keyId, String taskId, String taskType, String sourceClipId, String origin,
                   String title, String sound, String lyrics, String mv, String seed, double duration,
                   long createdAtMicros, String mp3Blob, String wavBlob, String imageBlob, String imageUrl,
                   Map<String, String> stems, String scoreBlob, String midiBlob, String timelineJson) {
    public Clip {
        stems = Map.copyOf(stems);
    }
}
