package io.producer.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 50 parallel creates on a key holding 100 credits: exactly 10 accepted, the rest 403, balance 0. */
class CreditsConcurrencyTest {
    @Test void fiftyParallelCreatesOnAHundredCredits() throws Exception {
        try (TestServer t = new TestServer(c -> c.withWorkers(0))) {
            String key = t.key(100);
            String body = "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"make_instrumental\":true}";
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(50);
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return t.post("/api/v1/producer/create", key, body).status();
                }, pool));
            }
            go.countDown();
            int ok = 0, refused = 0;
            for (CompletableFuture<Integer> f : results) {
                int s = f.get();
                if (s == 200) ok++;
                else if (s == 403) refused++;
                else throw new AssertionError("unexpected status " + s);
            }
            pool.shutdown();
            assertEquals(10, ok);
            assertEquals(40, refused);
            assertEquals(0, t.get("/api/v1/get-credits", key).json().get("credits").asInt());
            assertEquals(10, t.server.tasks().pending());
        }
    }
}
