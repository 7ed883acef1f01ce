package io.producer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.producer.engine.Engine;
import io.producer.server.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Liveness, readiness, Prometheus metrics, the OpenAPI document and Swagger UI. No key needed. */
public final class OpsRoutes {
    private final Database db;
    private final Engine engine;
    private final PrometheusMeterRegistry metrics;

    public OpsRoutes(Database db, Engine engine, PrometheusMeterRegistry metrics) {
        this.db = db;
        this.engine = engine;
        this.metrics = metrics;
    }

    public void register(Javalin app) {
        app.get("/health", ctx -> ctx.json(Json.object().put("status", "ok")));
        app.get("/ready", this::ready);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/openapi.json")));
        app.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("/swagger.html")));
    }

    private void ready(Context ctx) {
        boolean dbOk = db.reachable();
        boolean engineOk = engine != null;
        ObjectNode out = Json.object();
        out.put("status", dbOk && engineOk ? "ready" : "not_ready");
        out.putObject("checks").put("database", dbOk ? "ok" : "unreachable").put("engine", engineOk ? "loaded" : "missing");
        ctx.status(dbOk && engineOk ? 200 : 503).json(out);
    }

    private static String resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
