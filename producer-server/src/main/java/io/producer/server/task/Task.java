package io.producer.server.task;

/** A task row. {@code resultJson} is the data[] array of a SUCCESS poll, {@code error} the reason of a FAILED one. */
public record Task(String id, String keyId, TaskType type, TaskStatus status, TaskRequest request, int cost,
                   int progress, int attempts, String leaseOwner, Long leaseUntil, String resultJson, String error,
                   boolean refunded, long createdAt, Long startedAt, Long finishedAt) {}
