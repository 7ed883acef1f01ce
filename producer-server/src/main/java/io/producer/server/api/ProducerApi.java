package io.producer.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.producer.server.account.ApiKey;
import io.producer.server.account.ApiKeys;
import io.producer.server.account.Credits;
import io.producer.server.store.Clip;
import io.producer.server.store.ClipStore;
import io.producer.server.task.Task;
import io.producer.server.task.TaskQueue;
import io.producer.server.task.TaskRequest;
import io.producer.server.task.TaskStore;
import io.producer.server.task.TaskType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Producer API routes (era E1 envelopes). Every /api route needs {@code Authorization: Bearer <key>};
 * each key sees only its own tasks and clips (anything else is "not found").
 */
public final class ProducerApi {
    public static final String NOT_READY = "Task is still processing. Please wait a few seconds and try again.";
    public static final String NO_CREDITS = "The remaining credits are not enough. You can buy more one-time credit packs or subscribe.";
    static final String KEY_ATTR = "producer.key";

    private final ApiKeys keys;
    private final Credits credits;
    private final ClipStore clips;
    private final TaskStore tasks;
    private final TaskQueue queue;
    private final RequestValidator validator;
    private final ClipView view;
    private final int maxBodyBytes;

    public ProducerApi(ApiKeys keys, Credits credits, ClipStore clips, TaskStore tasks, TaskQueue queue,
                       RequestValidator validator, ClipView view, int maxBodyBytes) {
        this.keys = keys;
        this.credits = credits;
        this.clips = clips;
        this.tasks = tasks;
        this.queue = queue;
        this.validator = validator;
        this.view = view;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(Javalin app) {
        app.before("/api/*", this::authenticate);
        app.post("/api/v1/producer/create", this::create);
        app.post("/api/v1/producer/upload", this::upload);
        app.post("/api/v1/producer/download", this::download);
        app.get("/api/v1/producer/task/{task_id}", this::task);
        app.get("/api/v1/producer/clip/{clip_id}", this::clip);
        app.get("/api/v1/producer/clip/{clip_id}/timeline", this::timeline);
        app.get("/api/v1/producer/clip/{clip_id}/extras", this::extras);
        app.get("/api/v1/get-credits", this::getCredits);
    }

    /** The key of an authenticated request. */
    static ApiKey key(Context ctx) {
        return ctx.attribute(KEY_ATTR);
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) throw ApiException.unauthorized("Authorization header is missing.");
        String h = header.trim();
        if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).isBlank()) {
            throw ApiException.unauthorized("Invalid authorization format.");
        }
        ApiKey key = keys.authenticate(h.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("Invalid API key."));
        ctx.attribute(KEY_ATTR, key);
    }

    private void create(Context ctx) {
        ApiKey key = key(ctx);
        TaskRequest request = validator.create(readBody(ctx));
        if (request.type().needsClip()) {
            Clip source = ownedClip(key, request.clipId());
            RequestValidator.checkAgainstSource(request, source);
        }
        accept(ctx, key, request);
    }

    private void upload(Context ctx) {
        accept(ctx, key(ctx), validator.upload(readBody(ctx)));
    }

    private void download(Context ctx) {
        ApiKey key = key(ctx);
        TaskRequest request = validator.download(readBody(ctx));
        ownedClip(key, request.clipId());
        accept(ctx, key, request);
    }

    private void accept(Context ctx, ApiKey key, TaskRequest request) {
        TaskQueue.Submission s = queue.submit(key.id(), request);
        switch (s.outcome()) {
            case QUEUE_FULL -> throw new ApiException(429, "queue_full", "The task queue is full (" + s.active()
                    + " tasks waiting or running, limit " + queue.limit() + "). Please retry in a few seconds.");
            case NO_CREDITS -> throw new ApiException(403, "insufficient_credits", NO_CREDITS);
            case ACCEPTED -> {
                ctx.attribute("task_id", s.taskId());
                ObjectNode out = Json.object();
                out.put("message", "success");
                out.put("task_id", s.taskId());
                ctx.status(200).json(out);
            }
        }
    }

    private Clip ownedClip(ApiKey key, String clipId) {
        return clips.find(key.id(), clipId).orElseThrow(() -> ApiException.notFound(
                "The 'clip_id' field refers to a clip that does not exist (clip not found): " + clipId));
    }

    private void task(Context ctx) {
        ApiKey key = key(ctx);
        String id = ctx.pathParam("task_id");
        Task t = tasks.find(id).filter(x -> x.keyId().equals(key.id()))
                .orElseThrow(() -> ApiException.notFound("task not found."));
        ObjectNode out = Json.object();
        switch (t.status()) {
            case PENDING, RUNNING -> {
                out.put("code", 202);
                out.put("type", "not_ready");
                out.put("error", NOT_READY);
                out.put("progress", t.status() == io.producer.server.task.TaskStatus.PENDING ? 0 : Math.max(1, Math.min(99, t.progress())));
                out.put("status", t.status().name());
                out.put("task_id", t.id());
                out.put("task_type", t.type().wire());
                ctx.status(202).json(out);
            }
            case SUCCESS -> {
                out.put("code", 200);
                out.put("message", "success");
                out.put("status", "SUCCESS");
                out.put("task_id", t.id());
                out.put("task_type", t.type().wire());
                out.set("data", resultData(t));
                ctx.status(200).json(out);
            }
            case FAILED -> {
                out.put("code", 500);
                String refund = t.refunded() ? " Your " + t.cost() + " credits were refunded." : " No credits were refunded.";
                String reason = t.error() == null ? "unknown reason" : t.error();
                out.put("message", "Task failed: " + reason + (reason.endsWith(".") ? "" : ".") + refund);
                out.put("status", "FAILED");
                out.put("type", "failed");
                out.put("task_id", t.id());
                out.put("task_type", t.type().wire());
                out.put("error", t.error());
                out.put("refund_processed", t.refunded());
                out.put("refunded_credits", t.refunded() ? t.cost() : 0);
                out.set("data", Json.MAPPER.createArrayNode());
                ctx.status(200).json(out);
            }
        }
    }

    /** data[] of a SUCCESS task, with fresh signed URLs. */
    public ArrayNode resultData(Task t) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        if (t.type() == TaskType.DOWNLOAD) {
            clips.find(t.keyId(), t.request().clipId()).ifPresent(c -> data.add(view.downloadItem(c, t.request().format())));
        } else {
            clips.byTask(t.id()).ifPresent(c -> data.add(view.clip(c)));
        }
        return data;
    }

    private void clip(Context ctx) {
        Clip c = ownedClip(key(ctx), ctx.pathParam("clip_id"));
        ObjectNode out = Json.object();
        out.put("code", 200);
        out.put("message", "success");
        out.set("data", Json.MAPPER.createArrayNode().add(view.clip(c)));
        ctx.json(out);
    }

    private void timeline(Context ctx) {
        Clip c = ownedClip(key(ctx), ctx.pathParam("clip_id"));
        ObjectNode out = Json.object();
        out.put("code", 200);
        out.put("message", "success");
        out.put("clip_id", c.id());
        out.put("duration", c.duration());
        try {
            out.set("data", Json.MAPPER.readTree(c.timelineJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline of clip " + c.id() + " is not JSON", e);
        }
        ctx.json(out);
    }

    private void extras(Context ctx) {
        Clip c = ownedClip(key(ctx), ctx.pathParam("clip_id"));
        ObjectNode out = Json.object();
        out.put("code", 200);
        out.put("message", "success");
        ObjectNode d = out.putObject("data");
        d.put("clip_id", c.id());
        d.put("expires_at", view.expiry().toString());
        d.put("audio_url", view.url(c.mp3Blob(), "mp3"));
        d.put("wav_url", view.url(c.wavBlob(), "wav"));
        ObjectNode stems = d.putObject("stems");
        for (String s : ClipStore.STEMS) stems.put(s, view.url(c.stems().get(s), "wav"));
        d.put("midi_url", view.url(c.midiBlob(), "mid"));
        d.put("score_url", view.url(c.scoreBlob(), "json"));
        ctx.json(out);
    }

    private void getCredits(Context ctx) {
        ObjectNode out = Json.object();
        out.put("credits", credits.balance(key(ctx).id()));
        out.put("extra_credits", 0);
        ctx.json(out);
    }

    /** The body as a JSON object: 413 above the limit, 400 when it is not a JSON object. */
    private ObjectNode readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) throw tooLarge();
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxBodyBytes) throw tooLarge();
        if (body.length == 0) throw ApiException.badRequest("The request body is empty: send a JSON object.");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) throw ApiException.badRequest("The request body should be a JSON object.");
        return (ObjectNode) node;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "The request body is too large: the limit is " + maxBodyBytes + " bytes.");
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(h.substring(7).trim());
    }
}
