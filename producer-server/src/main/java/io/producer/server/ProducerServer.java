package io.producer.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.producer.engine.Engine;
import io.producer.engine.EngineOptions;
import io.producer.server.account.ApiKey;
import io.producer.server.account.ApiKeys;
import io.producer.server.account.Credits;
import io.producer.server.api.ApiException;
import io.producer.server.api.ClipView;
import io.producer.server.api.FileRoutes;
import io.producer.server.api.Json;
import io.producer.server.api.OpsRoutes;
import io.producer.server.api.ProducerApi;
import io.producer.server.api.RequestValidator;
import io.producer.server.blob.BlobStore;
import io.producer.server.blob.UrlSigner;
import io.producer.server.config.ServerConfig;
import io.producer.server.store.ClipStore;
import io.producer.server.store.Database;
import io.producer.server.task.TaskQueue;
import io.producer.server.task.TaskStore;
import io.producer.server.net.UrlPolicy;
import io.producer.server.webhook.WebhookDeliverer;
import io.producer.server.webhook.WebhookOutbox;
import io.producer.server.webhook.WebhookRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.producer.server.net.SafeFetcher;
import io.producer.server.net.UrlPolicy;
import io.producer.server.store.StoreException;
import io.producer.server.task.Task;
import io.producer.server.task.TaskExecutor;
import io.producer.server.task.TaskRequest;
import io.producer.server.task.UploadFetcher;
import io.producer.server.task.WorkerPool;
import io.producer.server.webhook.WebhookDeliverer;
import io.producer.server.webhook.WebhookOutbox;
import io.producer.server.webhook.TaskWebhooks;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole service in one object: database, accounts, queue, workers, files and the HTTP API.
 * {@link #start()} binds the port and starts the workers; {@link #stop()} stops both. Collaborators
 * (the webhook deliverer) are wired here too.
 */
public final class ProducerServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("producer");

    private final ServerConfig config;
    private final Database db;
    private final ApiKeys keys;
    private final Credits credits;
    private final ClipStore clips;
    private final TaskStore tasks;
    private final TaskQueue queue;
    private final UrlSigner signer;
    private final BlobStore blobs;
    private final Engine engine;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SafeFetcher uploadFetcher;
    private WorkerPool workers;
    private Javalin app;
    private ClipView view;
    private ProducerApi api;
    private ApiKeys.Created bootstrapKey;
    private WebhookDeliverer webhooks;

    public ProducerServer(ServerConfig config) {
        this.config = config;
        this.db = Database.open(config.dataDir());
        this.keys = new ApiKeys(db);
        this.credits = new Credits(db);
        this.clips = new ClipStore(db);
        this.tasks = new TaskStore(db);
        this.queue = new TaskQueue(db, config.queueLimit());
        this.signer = UrlSigner.fromDataDir(config.dataDir());
        this.blobs = new BlobStore(config.dataDir(), db, signer);
        this.engine = new Engine(EngineOptions.defaults());
        this.uploadFetcher = new SafeFetcher(trusting(UrlPolicy.forUploads(config.allowPrivateUrls())), config.uploadTimeout(),
                config.uploadMaxBytes());
    }

    private UrlPolicy trusting(UrlPolicy policy) {
        for (String origin : config.trustedOrigins()) policy = policy.trusting(java.net.URI.create(origin));
        return policy;
    }

    public synchronized ProducerServer start() {
        if (app != null) throw new IllegalStateException("already started");
        if (keys.count() == 0) {
            bootstrapKey = keys.create("default", config.initialCredits());
            log.info("event=bootstrap_key key_id={} credits={}", bootstrapKey.key().id(), config.initialCredits());
        }
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.disableCompression();
            c.router.ignoreTrailingSlashes = true;
            c.staticFiles.enableWebjars();
            c.requestLogger.http(this::logRequest);
        });
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.type(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                e.getStatus() == 413 ? "payload_too_large" : "http_error",
                e.getStatus() == 413 ? "The request body is too large: the limit is " + config.maxBodyBytes() + " bytes." : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            log.error("event=internal_error incident={} method={} path={}", incident, ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", "Internal server error (incident " + incident + "); it has been logged.");
        });
        app.error(404, ctx -> {
            if (ctx.attribute("producer.error") == null) error(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path());
        });
        app.error(405, ctx -> {
            if (ctx.attribute("producer.error") == null) error(ctx, 405, "method_not_allowed", "Method " + ctx.method() + " is not allowed on " + ctx.path());
        });

        view = new ClipView(signer, this::publicBase, config.fileUrlTtl());
        RequestValidator validator = new RequestValidator(config.webhookAllowHttp());
        api = new ProducerApi(keys, credits, clips, tasks, queue, validator, view, config.maxBodyBytes());
        api.register(app);
        new WebhookRoutes(db.dataSource(), tasks).register(app);
        new FileRoutes(blobs, signer, keys).register(app);
        new OpsRoutes(db, engine, metrics).register(app);
        app.start(config.host(), config.port());
        webhooks = startWebhooks();
        String base = publicBase();
        TaskExecutor executor = new TaskExecutor(engine, blobs, clips,
                new UploadFetcher(uploadFetcher, config.uploadMaxSeconds()), metrics);
        workers = new WorkerPool(db, tasks, queue, executor, this::publishWebhook, config.workers(), config.lease(),
                config.maxAttempts(), metrics);
        workers.start();
        Gauge.builder("producer_queue_pending", tasks, TaskStore::pending).description("tasks waiting for a worker").register(metrics);
        Gauge.builder("producer_queue_running", tasks, TaskStore::running).description("tasks being rendered").register(metrics);
        log.info("event=started port={} data_dir={} workers={} queue_limit={} public_url={}", app.port(),
                config.dataDir().toAbsolutePath(), config.workers(), config.queueLimit(), base);
        return this;
    }

    private static void error(Context ctx, int status, String type, String message) {
        ObjectNode n = Json.object();
        n.put("code", status);
        n.put("type", type);
        n.put("message", message);
        n.put("error", message);
        ctx.attribute("producer.error", Boolean.TRUE);
        ctx.status(status).json(n);
    }

    private void logRequest(Context ctx, Float ms) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        if (route == null || route.isEmpty() || route.equals("*")) route = "unmatched";
        int status = ctx.statusCode();
        Timer.builder("http_server_requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(status)).register(metrics)
                .record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
        ApiKey key = ctx.attribute("producer.key");
        String taskId = ctx.attribute("task_id");
        log.info("event=request method={} path={} status={} ms={} key={}{}", ctx.method(), ctx.path(), status,
                String.format(java.util.Locale.ROOT, "%.1f", ms), key == null ? "-" : key.id(),
                taskId == null ? "" : " task_id=" + taskId);
    }

    /** Inside the transaction that finishes a task: the webhook outbox row, when the request gave a webhook_url. */
    private void publishWebhook(Connection tx, Task task, TaskExecutor.Result result, String reason, boolean refunded)
            throws SQLException {
        TaskRequest r = task.request();
        if (r.webhookUrl() == null) return;
        if (result != null) {
            ArrayNode data = Json.MAPPER.createArrayNode();
            if (result.clip() != null) data.add(view.clip(result.clip()));
            else data.addAll(downloadData(tx, task));
            TaskWebhooks.completed(tx, task.id(), r.webhookUrl(), r.webhookSecret(), data);
        } else {
            TaskWebhooks.failed(tx, task.id(), r.webhookUrl(), r.webhookSecret(), reason, refunded);
        }
        if (webhooks != null) webhooks.wake();
    }

    private List<ObjectNode> downloadData(Connection tx, Task task) throws SQLException {
        return ClipStore.find(tx, task.keyId(), task.request().clipId())
                .map(c -> List.of(view.downloadItem(c, task.request().format()))).orElse(List.of());
    }

    private WebhookDeliverer startWebhooks() {
        try {
            WebhookDeliverer d = new WebhookDeliverer(db.dataSource(),
                    trusting(UrlPolicy.forWebhooks(config.allowPrivateUrls(), config.webhookAllowHttp())),
                    WebhookDeliverer.Settings.defaults(WebhookOutbox.defaultSecret(db.dataSource())));
            d.start();
            return d;
        } catch (java.sql.SQLException e) {
            throw new io.producer.server.store.StoreException(e);
        }
    }

    public synchronized void stop() {
        if (workers != null) {
            workers.close();
            workers = null;
        }
        if (webhooks != null) {
            webhooks.close();
            webhooks = null;
        }
        if (app != null) {
            app.stop();
            app = null;
        }
        engine.close();
    }

    @Override public void close() { stop(); }

    public int port() { return app.port(); }

    /** Base of the URLs handed to clients: PRODUCER_PUBLIC_URL, else this server on localhost. */
    public String publicBase() { return config.publicUrl() != null ? config.publicUrl() : "http://localhost:" + app.port(); }
    public String baseUrl() { return "http://localhost:" + port(); }
    public ServerConfig config() { return config; }
    public Database database() { return db; }
    public ApiKeys keys() { return keys; }
    public Credits credits() { return credits; }
    public ClipStore clips() { return clips; }
    public TaskStore tasks() { return tasks; }
    public TaskQueue queue() { return queue; }
    public BlobStore blobs() { return blobs; }
    public Engine engine() { return engine; }
    public ClipView clipView() { return view; }
    public PrometheusMeterRegistry metrics() { return metrics; }
    public WebhookDeliverer webhooks() { return webhooks; }
    /** The key created on the first start with an empty database (shown once), if this start created one. */
    public Optional<ApiKeys.Created> bootstrapKey() { return Optional.ofNullable(bootstrapKey); }
    public Duration lease() { return config.lease(); }
}
