package io.producer.server.task;

/** Task states as the poll endpoint reports them. */
public enum TaskStatus { PENDING, RUNNING, SUCCESS, FAILED;
    public boolean finished() { return this == SUCCESS || this == FAILED; }
}
