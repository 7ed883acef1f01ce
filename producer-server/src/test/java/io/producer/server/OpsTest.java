package io.producer.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, readiness, metrics, the OpenAPI document and Swagger UI. */
class OpsTest {
    static TestServer t;
    static String key;

    @BeforeAll static void up() {
        t = new TestServer(c -> c.withWorkers(0));
        key = t.key(10);
    }

    @AfterAll static void down() { t.close(); }

    @Test void healthAndReady() {
        TestServer.Response h = t.get("/health", null);
        assertEquals(200, h.status());
        assertEquals("ok", h.json().get("status").asText());
        TestServer.Response r = t.get("/ready", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("ok", r.json().get("checks").get("database").asText());
        assertEquals("loaded", r.json().get("checks").get("engine").asText());
    }

    @Test void metricsCountRequestsAndQueue() {
        t.get("/api/v1/get-credits", key);
        t.post("/api/v1/producer/create", key, "{\"task_type\":\"create_music\",\"sound\":\"pop\"}");
        TestServer.Response m = t.get("/metrics", null);
        assertEquals(200, m.status());
        assertTrue(m.body().contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/get-credits\",status=\"200\"}"), m.body());
        assertTrue(m.body().contains("producer_queue_pending 1.0"), m.body());
        assertTrue(m.body().contains("producer_queue_running 0.0"), m.body());
    }

    @Test void openApiCoversEveryEndpoint() {
        TestServer.Response o = t.get("/openapi.json", null);
        assertEquals(200, o.status());
        JsonNode doc = o.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        for (String p : new String[]{"/api/v1/producer/create", "/api/v1/producer/upload", "/api/v1/producer/download",
                "/api/v1/producer/task/{task_id}", "/api/v1/get-credits", "/api/v1/producer/clip/{clip_id}/timeline",
                "/api/v1/producer/clip/{clip_id}/extras", "/files/{name}", "/health", "/ready", "/metrics"}) {
            assertTrue(doc.get("paths").has(p), p);
        }
        for (String s : new String[]{"CreateRequest", "UploadRequest", "DownloadRequest", "Clip", "TaskAccepted", "TaskNotReady",
                "TaskSuccess", "TaskFailed", "Error"}) {
            assertTrue(doc.get("components").get("schemas").has(s), s);
        }
        // the document's mv enum is the engine's list
        JsonNode mv = doc.get("components").get("schemas").get("CreateRequest").get("properties").get("mv").get("enum");
        assertEquals(io.producer.engine.Profile.mvNames().toString(), mv.toString().replace("\"", "").replace(",", ", "));
    }

    @Test void swaggerUiIsServed() {
        TestServer.Response docs = t.get("/docs", null);
        assertEquals(200, docs.status());
        assertTrue(docs.body().contains("SwaggerUIBundle"));
        TestServer.Response bundle = t.get("/webjars/swagger-ui/5.18.2/swagger-ui-bundle.js", null);
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().length() > 100_000);
    }

    @Test void unknownRoutesAnswerJson404() {
        TestServer.Response r = t.get("/api/v1/nothing-here", key);
        assertEquals(404, r.status());
        assertEquals(404, r.json().get("code").asInt());
    }
}
