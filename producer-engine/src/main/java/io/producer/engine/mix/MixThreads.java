package io.producer.engine.mix;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The mixer's worker threads, one per core: stem chains and meters run on them beside the caller. */
final class MixThreads {
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "producer-mix");
                t.setDaemon(true);
                return t;
            });

    private MixThreads() {}
}
