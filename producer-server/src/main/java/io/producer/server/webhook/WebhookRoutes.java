package io.producer.server.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.producer.server.account.ApiKey;
import io.producer.server.api.ApiException;
import io.producer.server.api.Json;
import io.producer.server.task.TaskStore;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/producer/task/{task_id}/webhooks}: the delivery log of a task, for its owner only
 * (another key's task is "not found", as everywhere else). Each webhook shows its state (pending, delivering,
 * delivered, failed), the next attempt while one is due, and every attempt with its time, HTTP status or error
 * and duration.
 */
public final class WebhookRoutes {
    private final DataSource dataSource;
    private final TaskStore tasks;

    public WebhookRoutes(DataSource dataSource, TaskStore tasks) {
        this.dataSource = dataSource;
        this.tasks = tasks;
    }

    public void register(Javalin app) {
        app.get("/api/v1/producer/task/{task_id}/webhooks", this::log);
    }

    private void log(Context ctx) throws SQLException {
        ApiKey key = ctx.attribute("producer.key"); // set by the API's authentication filter on /api/*
        if (key == null) throw ApiException.unauthorized("Authorization header is missing.");
        String taskId = ctx.pathParam("task_id");
        tasks.find(taskId).filter(t -> t.keyId().equals(key.id()))
                .orElseThrow(() -> ApiException.notFound("task not found."));
        ObjectNode out = Json.object();
        out.put("code", 200);
        out.put("message", "success");
        out.put("task_id", taskId);
        ArrayNode data = out.putArray("data");
        for (WebhookOutbox.Webhook w : WebhookOutbox.webhooks(dataSource, taskId)) {
            ObjectNode n = data.addObject();
            n.put("webhook_id", w.webhookId());
            n.put("event", w.event());
            n.put("url", w.url());
            n.put("state", w.state());
            n.put("attempts", w.attempts());
            n.put("created_at", w.createdAt().toString());
            putTime(n, "next_attempt_at", w.nextAttemptAt());
            putTime(n, "delivered_at", w.deliveredAt());
            n.put("last_error", w.lastError());
            ArrayNode deliveries = n.putArray("deliveries");
            for (WebhookOutbox.Delivery d : w.deliveries()) {
                ObjectNode a = deliveries.addObject();
                a.put("attempt", d.attempt());
                a.put("time", d.at().toString());
                if (d.statusCode() == null) a.putNull("status_code");
                else a.put("status_code", d.statusCode());
                a.put("error", d.error());
                a.put("duration_ms", d.durationMs());
            }
        }
        ctx.attribute("task_id", taskId);
        ctx.json(out);
    }

    private static void putTime(ObjectNode n, String field, Instant t) {
        if (t == null) n.putNull(field);
        else n.put(field, t.toString());
    }
}
