package io.producer.server.cli;

import io.producer.server.ProducerServer;
import io.producer.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code producer serve}: runs the API and the workers until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server. Every flag overrides the environment variable named in its description.")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--port", description = "HTTP port (env PRODUCER_PORT, default 8080; 0 = any free port).") Integer port;
    @Option(names = "--host", description = "Bind address (env PRODUCER_HOST, default 0.0.0.0).") String host;
    @Option(names = "--data-dir", description = "Data directory (env PRODUCER_DATA_DIR, default ./data).") Path dataDir;
    @Option(names = "--public-url", description = "Base URL of file links (env PRODUCER_PUBLIC_URL, default http://localhost:PORT).") String publicUrl;
    @Option(names = "--workers", description = "Render workers (env PRODUCER_WORKERS, default cores-1, min 1; 0 = accept only).") Integer workers;
    @Option(names = "--queue-limit", description = "Pending+running tasks before 429 (env PRODUCER_QUEUE_LIMIT, default 100).") Integer queueLimit;
    @Option(names = "--allow-private-urls", arity = "0..1", fallbackValue = "true",
            description = "Development: let upload and webhooks reach loopback/private hosts (env PRODUCER_ALLOW_PRIVATE_URLS).") Boolean allowPrivate;
    @Option(names = "--webhook-allow-http", arity = "0..1", fallbackValue = "true",
            description = "Development: accept plain-http webhook_url (env PRODUCER_WEBHOOK_ALLOW_HTTP).") Boolean webhookHttp;
    @Option(names = "--lease-seconds", description = "Task lease without heartbeat (env PRODUCER_LEASE_SECONDS, default 60).") Integer leaseSeconds;
    @Option(names = "--initial-credits", description = "Credits of the key created on first start (env PRODUCER_INITIAL_CREDITS, default 500).") Long initialCredits;

    static boolean serving() { return serving; }

    @Override public Integer call() throws Exception {
        ServerConfig c = ServerConfig.fromEnv(System.getenv());
        if (port != null) c = c.withPort(port);
        if (host != null) c = c.withHost(host);
        if (dataDir != null) c = c.withDataDir(dataDir);
        if (publicUrl != null) c = c.withPublicUrl(publicUrl);
        if (workers != null) c = c.withWorkers(workers);
        if (queueLimit != null) c = c.withQueueLimit(queueLimit);
        if (allowPrivate != null) c = c.withAllowPrivateUrls(allowPrivate);
        if (webhookHttp != null) c = c.withWebhookAllowHttp(webhookHttp);
        if (leaseSeconds != null) c = c.withLease(java.time.Duration.ofSeconds(leaseSeconds));
        if (initialCredits != null) c = c.withInitialCredits(initialCredits);

        ProducerServer server = new ProducerServer(c);
        server.start();
        server.bootstrapKey().ifPresent(k -> {
            System.out.println("================================================================");
            System.out.println(" First start: created API key '" + k.key().name() + "' (" + k.key().id() + ") with "
                    + server.credits().balance(k.key().id()) + " credits.");
            System.out.println(" It is shown only this once; keep it:");
            System.out.println();
            System.out.println("   API_KEY=" + k.secret());
            System.out.println();
            System.out.println(" More keys: ./producer keys create --name NAME --credits N");
            System.out.println("================================================================");
        });
        System.out.println("Producer listening on " + server.publicBase() + "  (docs: " + server.publicBase() + "/docs)");
        System.out.flush();
        serving = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
