package io.producer.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The two webhook bodies of the Producer API, field for field and in the reference's order:
 * <pre>
 * song.completed: {"task_id","platform":"producer","event":"song.completed","code":200,"message":"success","data":[clip]}
 * song.failed:    {"task_id","platform":"producer","event":"song.failed","type":"failed","message":reason,"refund_processed":bool}
 * </pre>
 */
public final class WebhookPayloads {
    public static final String COMPLETED = "song.completed";
    public static final String FAILED = "song.failed";
    public static final String PLATFORM = "producer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {}

    /** {@code clip} is the clip object exactly as GET /task returns it. */
    public static String completed(String taskId, JsonNode clip) {
        return completed(taskId, List.of(clip));
    }

    public static String completed(String taskId, List<? extends JsonNode> clips) {
        ObjectNode body = JSON.createObjectNode();
        body.put("task_id", taskId);
        body.put("platform", PLATFORM);
        body.put("event", COMPLETED);
        body.put("code", 200);
        body.put("message", "success");
        ArrayNode data = body.putArray("data");
        clips.forEach(data::add);
        return write(body);
    }

    public static String failed(String taskId, String reason, boolean refundProcessed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("task_id", taskId);
        body.put("platform", PLATFORM);
        body.put("event", FAILED);
        body.put("type", "failed");
        body.put("message", reason);
        body.put("refund_processed", refundProcessed);
        return write(body);
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
