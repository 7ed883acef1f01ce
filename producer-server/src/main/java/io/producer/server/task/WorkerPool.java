package io.producer.server.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.producer.server.account.Credits;
import io.producer.server.blob.Blob;
import io.producer.server.blob.BlobStore;
import io.producer.server.store.ClipStore;
import io.producer.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workers: each claims a task with a lease, renews the lease with a heartbeat while the engine
 * works, and publishes the outcome in one transaction that only commits while it still holds the
 * lease: clip row + SUCCESS (+ webhook outbox row), or FAILED + refund (+ outbox row). A worker that
 * dies leaves its lease to expire; the task is then claimed again, and its deterministic blob ids
 * mean the second run overwrites the first one's files.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("producer.worker");

    /**
     * Called inside the publishing transaction of a finished task (the webhook outbox hooks in here):
     * {@code result} on success, {@code reason} and {@code refunded} on failure.
     */
    public interface Publisher {
        void published(Connection tx, Task task, TaskExecutor.Result result, String reason, boolean refunded) throws SQLException;

        Publisher NONE = (tx, task, result, reason, refunded) -> { };
    }

    /** Progress the executor reports when the engine starts and when it is done. */
    static final int RENDER_START = 20, RENDER_END = 70;

    private final Database db;
    private final TaskStore tasks;
    private final TaskQueue queue;
    private final TaskExecutor executor;
    private final Publisher publisher;
    private final int size;
    private final long leaseMillis;
    private final int maxAttempts;
    private final MeterRegistry metrics;
    private final String processId = UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;
    /** Recent engine seconds per task (moving average), to move progress along while the engine works. */
    private volatile double renderEstimateSeconds = 60;

    public WorkerPool(Database db, TaskStore tasks, TaskQueue queue, TaskExecutor executor, Publisher publisher, int size, Duration lease, int maxAttempts, MeterRegistry metrics) {
        this.db = db;
        this.tasks = tasks;
        this.queue = queue;
        this.executor = executor;
        this.publisher = publisher;
        this.size = size;
        this.leaseMillis = lease.toMillis();
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < size; i++) {
            Thread t = new Thread(this::loop, "worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override public synchronized void close() {
        running = false;
        queue.wake();
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        heartbeats.shutdownNow();
    }

    private void loop() {
        String owner = processId + "/" + Thread.currentThread().getName();
        while (running) {
            try {
                Optional<Task> claimed = tasks.claim(owner, leaseMillis);
                if (claimed.isPresent()) run(claimed.get(), owner);
                else queue.await(Math.min(1000, leaseMillis / 2));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.error("event=worker_error owner={}", owner, e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void run(Task task, String owner) {
        log.info("event=task_claimed task_id={} task_type={} attempt={} owner={}", task.id(), task.type().wire(), task.attempts(), owner);
        if (task.attempts() > maxAttempts) {
            fail(task, owner, "The task was started " + maxAttempts + " times and its worker stopped each time; giving up.");
            return;
        }
        AtomicInteger progress = new AtomicInteger(5);
        long[] renderStart = {0};
        java.util.concurrent.atomic.AtomicBoolean finishing = new java.util.concurrent.atomic.AtomicBoolean();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            if (finishing.get()) return;   // a beat racing the final transaction would find the lease released
            try {
                int p = progress.get();
                if (p >= RENDER_START && p < RENDER_END && renderStart[0] != 0) {
                    // the engine reports no progress of its own: estimate it from how long renders took lately
                    double done = (System.nanoTime() - renderStart[0]) / 1e9 / renderEstimateSeconds;
                    p = Math.max(p, RENDER_START + (int) ((RENDER_END - RENDER_START) * Math.min(0.95, done)));
                }
                if (!tasks.heartbeat(task.id(), owner, leaseMillis, p) && !finishing.get()) {
                    log.warn("event=lease_lost task_id={} owner={}", task.id(), owner);
                }
            } catch (RuntimeException e) {
                log.warn("event=heartbeat_error task_id={} error={}", task.id(), e.toString());
            }
        }, 0, Math.max(200, Math.min(2000, leaseMillis / 3)), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try {
            TaskExecutor.Result result = executor.execute(task, p -> {
                progress.set(p);
                if (p == RENDER_START) renderStart[0] = System.nanoTime();
                if (p == RENDER_END && renderStart[0] != 0) {
                    double seconds = (System.nanoTime() - renderStart[0]) / 1e9;
                    renderEstimateSeconds = 0.7 * renderEstimateSeconds + 0.3 * seconds;
                }
                tasks.heartbeat(task.id(), owner, leaseMillis, p);
            });
            finishing.set(true);
            beat.cancel(false);
            succeed(task, owner, result, started);
        } catch (TaskFailure e) {
            finishing.set(true);
            beat.cancel(false);
            fail(task, owner, e.getMessage());
        } catch (IllegalArgumentException e) {
            finishing.set(true);
            beat.cancel(false);
            log.warn("event=task_rejected_by_engine task_id={} error={}", task.id(), e.toString());
            fail(task, owner, "The engine could not do this: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            finishing.set(true);
            beat.cancel(false);
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("event=task_error task_id={} incident={}", task.id(), incident, e);
            fail(task, owner, "Internal error while rendering (incident " + incident + "): " + e);
            if (e instanceof Error err && !(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError)) throw err;
        }
    }

    private void succeed(Task task, String owner, TaskExecutor.Result result, long started) {
        boolean done = db.tx(c -> {
            for (Blob b : result.blobs()) BlobStore.record(c, b);
            if (result.clip() != null) ClipStore.insert(c, result.clip());
            if (!TaskStore.succeed(c, task.id(), owner, null)) {
                c.rollback();
                return false;
            }
            Task finished = TaskStore.find(c, task.id()).orElseThrow();
            publisher.published(c, finished, result, null, false);
            return true;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (done) {
            count(task, "success");
            log.info("event=task_succeeded task_id={} task_type={} seconds={} clip_id={}", task.id(), task.type().wire(),
                    String.format(java.util.Locale.ROOT, "%.2f", seconds), result.clip() == null ? "-" : result.clip().id());
        } else {
            log.warn("event=task_result_discarded task_id={} reason=lease_lost owner={}", task.id(), owner);
        }
    }

    private void fail(Task task, String owner, String reason) {
        boolean done = db.tx(c -> {
            if (!TaskStore.fail(c, task.id(), owner, reason, true)) {
                c.rollback();
                return false;
            }
            long refunded = Credits.refund(c, task.id());
            Task failed = TaskStore.find(c, task.id()).orElseThrow();
            publisher.published(c, failed, null, reason, refunded > 0 || task.cost() == 0);
            return true;
        });
        if (done) {
            count(task, "failed");
            log.info("event=task_failed task_id={} task_type={} refunded=true reason=\"{}\"", task.id(), task.type().wire(),
                    reason.replace('"', '\''));
        }
    }

    private void count(Task task, String outcome) {
        Counter.builder("producer_tasks_finished").tag("task_type", task.type().wire()).tag("outcome", outcome)
                .register(metrics).increment();
    }
}
