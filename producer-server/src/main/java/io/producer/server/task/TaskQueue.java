package io.producer.server.task;

import io.producer.server.account.Credits;
import io.producer.server.store.Database;

import java.util.UUID;

/**
 * Accepting work: one BEGIN IMMEDIATE transaction checks the queue bound, reserves the credits and
 * inserts the task, so a task exists exactly when it was paid for. Workers wait on this object to
 * hear about new work without polling the database in a tight loop.
 */
public final class TaskQueue {
    public enum Outcome { ACCEPTED, NO_CREDITS, QUEUE_FULL }

    public record Submission(Outcome outcome, String taskId, long active) {}

    private final Database db;
    private final int limit;
    private final Object signal = new Object();
    private long generation;

    public TaskQueue(Database db, int limit) {
        this.db = db;
        this.limit = limit;
    }

    public int limit() { return limit; }

    public Submission submit(String keyId, TaskRequest request) {
        String id = UUID.randomUUID().toString();
        int cost = request.type().cost();
        Submission s = db.tx(c -> {
            long active = TaskStore.active(c);
            if (active >= limit) return new Submission(Outcome.QUEUE_FULL, null, active);
            if (!Credits.reserve(c, keyId, cost, id)) return new Submission(Outcome.NO_CREDITS, null, active);
            TaskStore.insert(c, id, keyId, request, cost);
            return new Submission(Outcome.ACCEPTED, id, active + 1);
        });
        if (s.outcome() == Outcome.ACCEPTED) wake();
        return s;
    }

    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    /** Waits until {@link #wake} is called or {@code millis} pass. */
    public void await(long millis) throws InterruptedException {
        synchronized (signal) {
            long g = generation;
            long deadline = System.currentTimeMillis() + millis;
            while (g == generation) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return;
                signal.wait(left);
            }
        }
    }
}
