package io.producer.server.task;

/** A task that cannot be done for a reason the user should read (bad upload, refused URL, ...). */
public final class TaskFailure extends RuntimeException {
    public TaskFailure(String reason) {
        super(reason);
    }

    public TaskFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
