package io.producer.server.task;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A validated request as the worker needs it, stored with the task (JSON). Fields a task type
 * does not use are null. The seed is always set: drawn at acceptance when the user gave none, so
 * a retried task renders the same song.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRequest(String taskType, String mv, String sound, String lyrics, String title, String seed,
                          Boolean makeInstrumental, Double lyricsStrength, Double soundStrength, Double weirdness,
                          Double coverStrength, String clipId, Double startsAt, Double endsAt, String coverUrl,
                          String webhookUrl, String webhookSecret, String audioUrl, String format) {

    public TaskType type() { return TaskType.byWire(taskType); }

    public static TaskRequest upload(String audioUrl, String seed, String webhookUrl, String webhookSecret) {
        return new TaskRequest("upload", null, null, null, null, seed, null, null, null, null, null, null, null,
                null, null, webhookUrl, webhookSecret, audioUrl, null);
    }

    public static TaskRequest download(String clipId, String format, String webhookUrl, String webhookSecret) {
        return new TaskRequest("download", null, null, null, null, null, null, null, null, null, null, clipId, null,
                null, null, webhookUrl, webhookSecret, null, format);
    }
}
