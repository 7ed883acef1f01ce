package io.producer.engine.mix;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The mixer's worker threads, one per core: stem chains and meters run on them beside the caller. */
final class MixThreads {
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "producer-mix");
                t.setDaemon(true);
                return t;
            });

    /** Where a lane starts: nothing to wait for. */
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private MixThreads() {}

    /** One step of a lane: {@code step} runs on these threads once {@code previous} is done. */
    static CompletableFuture<Void> after(CompletableFuture<?> previous, Runnable step) {
        return previous.thenRunAsync(step, POOL);
    }

    /** One step of a lane that also waits for another lane ({@code other}). */
    static CompletableFuture<Void> after(CompletableFuture<?> previous, CompletableFuture<?> other, Runnable step) {
        return CompletableFuture.allOf(previous, other).thenRunAsync(step, POOL);
    }

    /** Waits for {@code f}; what it threw is thrown again as it was (wrapped only when checked). */
    static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mixing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
