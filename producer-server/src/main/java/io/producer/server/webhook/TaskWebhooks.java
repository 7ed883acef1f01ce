package io.producer.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one call a finishing task makes, inside the transaction that publishes its outcome: if the task asked for
 * a webhook, the matching payload goes into the outbox; otherwise nothing happens. Nothing here touches the
 * network, so a slow or dead receiver can never hold a task back.
 */
public final class TaskWebhooks {
    private TaskWebhooks() {}

    /** SUCCESS: {@code data} is the data[] of the task's SUCCESS poll (one clip). */
    public static void completed(Connection tx, String taskId, String webhookUrl, String webhookSecret, JsonNode data)
            throws SQLException {
        if (webhookUrl == null || webhookUrl.isBlank()) return;
        List<JsonNode> items = new ArrayList<>();
        if (data.isArray()) data.forEach(items::add);
        else items.add(data);
        WebhookOutbox.enqueue(tx, taskId, webhookUrl, webhookSecret, WebhookPayloads.COMPLETED,
                WebhookPayloads.completed(taskId, items));
    }

    /** FAILED: {@code reason} is the task's error, {@code refunded} whether its credits came back. */
    public static void failed(Connection tx, String taskId, String webhookUrl, String webhookSecret, String reason,
                              boolean refunded) throws SQLException {
        if (webhookUrl == null || webhookUrl.isBlank()) return;
        WebhookOutbox.enqueue(tx, taskId, webhookUrl, webhookSecret, WebhookPayloads.FAILED,
                WebhookPayloads.failed(taskId, reason, refunded));
    }
}
