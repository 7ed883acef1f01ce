package io.producer.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every validation rule of the create/upload/download endpoints: status and a message naming the
 * field and the rule. Workers are off, so accepted tasks just wait in the queue.
 */
class ApiValidationTest {
    static TestServer t;
    static String key;

    @BeforeAll static void up() {
        t = new TestServer(c -> c.withWorkers(0).withMaxBodyBytes(64 * 1024).withQueueLimit(1000));
        key = t.key(100_000);
    }

    @AfterAll static void down() { t.close(); }

    static void assertRejected(String path, String body, int status, String messagePart) {
        TestServer.Response r = t.post(path, key, body);
        assertEquals(status, r.status(), () -> body + " -> " + r.body());
        assertEquals(status, r.json().get("code").asInt(), r.body());
        String msg = r.json().get("message").asText();
        assertTrue(msg.contains(messagePart), () -> "message '" + msg + "' should contain '" + messagePart + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        missing task_type         | {"sound":"pop"}                                                        | The 'task_type' field is required.
        task_type not a string    | {"task_type":5,"sound":"pop"}                                          | The 'task_type' field should be a string.
        unknown task_type         | {"task_type":"make_lyrics","sound":"pop"}                              | The 'task_type' field is invalid. Allowed values: create_music, extend_music
        upload is not a create    | {"task_type":"upload","sound":"pop"}                                   | The 'task_type' field is invalid.
        unknown mv                | {"task_type":"create_music","sound":"pop","mv":"FUZZ-9"}               | The 'mv' field is invalid. Allowed values: FUZZ-2.0 Pro, FUZZ-2.0, FUZZ-2.0 Raw
        mv case matters           | {"task_type":"create_music","sound":"pop","mv":"fuzz-2.0"}             | The 'mv' field is invalid.
        mv not a string           | {"task_type":"create_music","sound":"pop","mv":2.0}                    | The 'mv' field should be a string.
        title too long            | {"task_type":"create_music","sound":"pop","title":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} | The 'title' field is too long: the title character length should be at most 80 (got 81).
        title not a string        | {"task_type":"create_music","sound":"pop","title":["x"]}               | The 'title' field should be a string.
        sound not a string        | {"task_type":"create_music","sound":{"a":1}}                           | The 'sound' field should be a string.
        lyrics not a string       | {"task_type":"create_music","lyrics":true}                             | The 'lyrics' field should be a string.
        no sound nor lyrics       | {"task_type":"create_music","title":"x"}                               | The 'sound' or 'lyrics' field is required for create_music
        blank sound and lyrics    | {"task_type":"create_music","sound":"  ","lyrics":""}                  | The 'sound' or 'lyrics' field is required for create_music
        make_instrumental string  | {"task_type":"create_music","sound":"pop","make_instrumental":"true"}  | The 'make_instrumental' field should be boolean.
        make_instrumental number  | {"task_type":"create_music","sound":"pop","make_instrumental":1}       | The 'make_instrumental' field should be boolean.
        lyrics_strength > 1       | {"task_type":"create_music","sound":"pop","lyrics_strength":1.5}       | The 'lyrics_strength' field should be between 0 and 1 (got 1.5).
        lyrics_strength < 0       | {"task_type":"create_music","sound":"pop","lyrics_strength":-0.1}      | The 'lyrics_strength' field should be between 0 and 1
        lyrics_strength string    | {"task_type":"create_music","sound":"pop","lyrics_strength":"0.5"}     | The 'lyrics_strength' field should be a number.
        sound_strength < 0.2      | {"task_type":"create_music","sound":"pop","sound_strength":0.1}        | The 'sound_strength' field should be between 0.2 and 1 (got 0.1).
        sound_strength > 1        | {"task_type":"create_music","sound":"pop","sound_strength":1.01}       | The 'sound_strength' field should be between 0.2 and 1
        weirdness > 1             | {"task_type":"create_music","sound":"pop","weirdness":2}               | The 'weirdness' field should be between 0 and 1 (got 2).
        weirdness bool            | {"task_type":"create_music","sound":"pop","weirdness":false}           | The 'weirdness' field should be a number.
        cover_strength < 0.2      | {"task_type":"cover_music","clip_id":"x","sound":"pop","cover_strength":0.1} | The 'cover_strength' field should be between 0.2 and 1 (got 0.1).
        cover_strength > 1        | {"task_type":"swap_music_sound","clip_id":"x","sound":"pop","cover_strength":1.2} | The 'cover_strength' field should be between 0.2 and 1
        seed not a string         | {"task_type":"create_music","sound":"pop","seed":12345}                | The 'seed' field should be a string.
        seed too long             | {"task_type":"create_music","sound":"pop","seed":"12345678901234567890123456789012345678901234567890123456789012345"} | The 'seed' field is too long: it should be at most 64 characters
        sound too long            | {"task_type":"create_music","sound":"%SOUND3001%"}                     | The 'sound' field is too long: it should be at most 3000 characters (got 3001).
        extend without clip_id    | {"task_type":"extend_music","sound":"pop"}                             | The 'clip_id' field is required for extend_music.
        cover without clip_id     | {"task_type":"cover_music","sound":"pop"}                              | The 'clip_id' field is required for cover_music.
        replace without clip_id   | {"task_type":"replace_music","sound":"pop","starts_at":1}              | The 'clip_id' field is required for replace_music.
        variation without clip_id | {"task_type":"music_variation"}                                        | The 'clip_id' field is required for music_variation.
        swap_vocals w/o clip_id   | {"task_type":"swap_music_vocals","sound":"pop","lyrics":"la"}          | The 'clip_id' field is required for swap_music_vocals.
        swap_sound w/o clip_id    | {"task_type":"swap_music_sound","sound":"pop"}                         | The 'clip_id' field is required for swap_music_sound.
        clip_id not a string      | {"task_type":"music_variation","clip_id":42}                           | The 'clip_id' field should be a string.
        extend w/o sound/lyrics   | {"task_type":"extend_music","clip_id":"x"}                             | The 'sound' or 'lyrics' field is required for extend_music
        cover w/o sound/lyrics    | {"task_type":"cover_music","clip_id":"x"}                              | The 'sound' or 'lyrics' field is required for cover_music
        replace w/o sound/lyrics  | {"task_type":"replace_music","clip_id":"x","starts_at":1}              | The 'sound' or 'lyrics' field is required for replace_music
        swap_vocals w/o sound     | {"task_type":"swap_music_vocals","clip_id":"x","lyrics":"la la"}       | The 'sound' field is required for swap_music_vocals
        swap_vocals w/o lyrics    | {"task_type":"swap_music_vocals","clip_id":"x","sound":"opera"}        | The 'lyrics' field is required for swap_music_vocals
        swap_sound w/o sound      | {"task_type":"swap_music_sound","clip_id":"x","lyrics":"la"}           | The 'sound' field is required for swap_music_sound
        replace w/o starts_at     | {"task_type":"replace_music","clip_id":"x","sound":"rock"}             | The 'starts_at' field is required for replace_music
        starts_at negative        | {"task_type":"extend_music","clip_id":"x","sound":"rock","starts_at":-1} | The 'starts_at' field should be at least 0 (got -1).
        starts_at string          | {"task_type":"extend_music","clip_id":"x","sound":"rock","starts_at":"30"} | The 'starts_at' field should be a number.
        ends_at before starts_at  | {"task_type":"replace_music","clip_id":"x","sound":"rock","starts_at":30,"ends_at":20} | The 'ends_at' field should be greater than 'starts_at' (30), got 20.
        ends_at equal starts_at   | {"task_type":"replace_music","clip_id":"x","sound":"rock","starts_at":30,"ends_at":30} | The 'ends_at' field should be greater than 'starts_at'
        ends_at negative          | {"task_type":"replace_music","clip_id":"x","sound":"rock","starts_at":30,"ends_at":-5} | The 'ends_at' field should be at least 0
        webhook_url http          | {"task_type":"create_music","sound":"pop","webhook_url":"http://example.com/hook"} | The 'webhook_url' field should be an HTTPS URL.
        webhook_url garbage       | {"task_type":"create_music","sound":"pop","webhook_url":"not a url"}   | The 'webhook_url' field should be an HTTPS URL.
        webhook_url ftp           | {"task_type":"create_music","sound":"pop","webhook_url":"ftp://example.com/x"} | The 'webhook_url' field should be an HTTPS URL.
        webhook_url no host       | {"task_type":"create_music","sound":"pop","webhook_url":"https:///x"}  | The 'webhook_url' field should be an HTTPS URL.
        webhook_url too long      | {"task_type":"create_music","sound":"pop","webhook_url":"https://example.com/%PATH1020%"} | The 'webhook_url' field is too long: it should be at most 1024 characters
        webhook_url number        | {"task_type":"create_music","sound":"pop","webhook_url":1}             | The 'webhook_url' field should be a string.
        webhook_secret number     | {"task_type":"create_music","sound":"pop","webhook_secret":1}          | The 'webhook_secret' field should be a string.
        cover_url not https       | {"task_type":"create_music","sound":"pop","cover_url":"javascript:alert(1)"} | The 'cover_url' field should be an HTTPS URL.
        body is an array          | [1,2,3]                                                                | The request body should be a JSON object.
        body is a string          | "create_music"                                                         | The request body should be a JSON object.
        malformed json            | {"task_type":"create_music",                                           | The request body is not valid JSON
        trailing garbage          | {"task_type":"create_music","sound":"pop"} xyz                         | The request body is not valid JSON
        empty body                | ``                                                                     | The request body is empty
        """)
    void createRejects(String name, String body, String message) {
        body = body.replace("%SOUND3001%", "a".repeat(3001)).replace("%PATH1020%", "p".repeat(1020));
        assertRejected("/api/v1/producer/create", body, 400, message);
    }

    @Test void unknownClipIs404() {
        for (String type : new String[]{"extend_music", "cover_music", "replace_music", "music_variation", "swap_music_vocals", "swap_music_sound"}) {
            assertRejected("/api/v1/producer/create", "{\"task_type\":\"" + type + "\",\"clip_id\":\"abc123xyz789\",\"sound\":\"rock\",\"lyrics\":\"la la\",\"starts_at\":1}",
                    404, "clip not found");
        }
        assertRejected("/api/v1/producer/download", "{\"clip_id\":\"370c650a-88cd-4f4b-960d-801e686c8a7a\",\"format\":\"mp3\"}", 404, "clip not found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        missing audio_url     | {}                                         | The 'audio_url' field is required
        audio_url number      | {"audio_url":5}                            | The 'audio_url' field should be a string.
        audio_url ftp         | {"audio_url":"ftp://example.com/a.mp3"}    | The 'audio_url' field should be an http or https URL.
        audio_url file        | {"audio_url":"file:///etc/passwd"}         | The 'audio_url' field should be an http or https URL.
        audio_url malformed   | {"audio_url":"http://exa mple.com/a.mp3"}  | The 'audio_url' field should be an http or https URL.
        audio_url relative    | {"audio_url":"/a.mp3"}                     | The 'audio_url' field should be an http or https URL.
        upload webhook http   | {"audio_url":"https://example.com/a.mp3","webhook_url":"http://x.example/h"} | The 'webhook_url' field should be an HTTPS URL.
        """)
    void uploadRejects(String name, String body, String message) {
        assertRejected("/api/v1/producer/upload", body, 400, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        missing clip_id   | {"format":"mp3"}               | The 'clip_id' field is required for download.
        bad format        | {"clip_id":"x","format":"flac"} | The 'format' field is invalid. Allowed values: mp3, wav.
        format number     | {"clip_id":"x","format":3}     | The 'format' field should be a string.
        """)
    void downloadRejects(String name, String body, String message) {
        assertRejected("/api/v1/producer/download", body, 400, message);
    }

    @Test void unknownFieldsAreIgnoredAndDefaultsApply() {
        TestServer.Response r = t.post("/api/v1/producer/create", key,
                "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"favourite_colour\":\"blue\",\"nested\":{\"x\":[1,2]}}");
        assertEquals(200, r.status(), r.body());
        assertEquals("success", r.json().get("message").asText());
        assertTrue(r.json().get("task_id").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
        TestServer.Response poll = t.get("/api/v1/producer/task/" + r.json().get("task_id").asText(), key);
        assertEquals(202, poll.status());
        assertEquals("not_ready", poll.json().get("type").asText());
        assertEquals("Task is still processing. Please wait a few seconds and try again.", poll.json().get("error").asText());
        assertEquals(0, poll.json().get("progress").asInt());
    }

    @Test void boundaryValuesAreAccepted() {
        String ok = "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"title\":\"" + "t".repeat(80) + "\",\"lyrics_strength\":0,"
                + "\"sound_strength\":0.2,\"weirdness\":1,\"cover_strength\":1,\"mv\":\"FUZZ-3-Demo\",\"make_instrumental\":true,"
                + "\"webhook_url\":\"https://example.com/" + "p".repeat(1024 - 20) + "\"}";
        TestServer.Response r = t.post("/api/v1/producer/create", key, ok);
        assertEquals(200, r.status(), r.body());
    }

    @Test void bodyOverTheLimitIs413() {
        String big = "{\"task_type\":\"create_music\",\"sound\":\"pop\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertRejected("/api/v1/producer/create", big, 413, "The request body is too large: the limit is 65536 bytes.");
    }

    @Test void authErrors() {
        TestServer.Response missing = t.get("/api/v1/get-credits", null);
        assertEquals(401, missing.status());
        assertEquals("Authorization header is missing.", missing.json().get("message").asText());
        TestServer.Response format = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/v1/get-credits")))
                .header("Authorization", "Token abc").build());
        assertEquals(401, format.status());
        assertEquals("Invalid authorization format.", format.json().get("message").asText());
        TestServer.Response wrong = t.get("/api/v1/get-credits", "pk_nope");
        assertEquals(401, wrong.status());
        assertEquals("Invalid API key.", wrong.json().get("message").asText());
        TestServer.Response create = t.post("/api/v1/producer/create", null, "{\"task_type\":\"create_music\",\"sound\":\"pop\"}");
        assertEquals(401, create.status());
        TestServer.Response task = t.get("/api/v1/producer/task/abc", null);
        assertEquals(401, task.status());
    }

    @Test void revokedKeyIs401() {
        var created = t.server.keys().create("to-revoke", 50);
        assertEquals(200, t.get("/api/v1/get-credits", created.secret()).status());
        t.server.keys().revoke(created.key().id());
        TestServer.Response r = t.get("/api/v1/get-credits", created.secret());
        assertEquals(401, r.status());
        assertEquals("Invalid API key.", r.json().get("message").asText());
    }

    @Test void unknownTaskIs404() {
        TestServer.Response r = t.get("/api/v1/producer/task/00000000-0000-4000-8000-000000000000", key);
        assertEquals(404, r.status());
        assertEquals("task not found.", r.json().get("message").asText());
    }

    @Test void creditsShortIs403WithTheReferenceMessage() {
        String poor = t.key(9);
        TestServer.Response r = t.post("/api/v1/producer/create", poor, "{\"task_type\":\"create_music\",\"sound\":\"pop\"}");
        assertEquals(403, r.status(), r.body());
        assertEquals("The remaining credits are not enough. You can buy more one-time credit packs or subscribe.",
                r.json().get("message").asText());
        TestServer.Response credits = t.get("/api/v1/get-credits", poor);
        assertEquals(9, credits.json().get("credits").asInt());
        assertEquals(0, credits.json().get("extra_credits").asInt());
        TestServer.Response upload = t.post("/api/v1/producer/upload", poor, "{\"audio_url\":\"https://example.com/a.mp3\"}");
        assertEquals(200, upload.status(), upload.body());
        assertEquals(7, t.get("/api/v1/get-credits", poor).json().get("credits").asInt());
    }

    @Test void queueBoundIs429() {
        try (TestServer small = new TestServer(c -> c.withWorkers(0).withQueueLimit(2))) {
            String k = small.key(1000);
            String body = "{\"task_type\":\"create_music\",\"sound\":\"pop\"}";
            assertEquals(200, small.post("/api/v1/producer/create", k, body).status());
            assertEquals(200, small.post("/api/v1/producer/create", k, body).status());
            TestServer.Response full = small.post("/api/v1/producer/create", k, body);
            assertEquals(429, full.status(), full.body());
            assertTrue(full.json().get("message").asText().startsWith("The task queue is full (2 tasks waiting or running, limit 2)"));
            assertEquals(980, small.get("/api/v1/get-credits", k).json().get("credits").asInt(), "a refused task costs nothing");
        }
    }
}
