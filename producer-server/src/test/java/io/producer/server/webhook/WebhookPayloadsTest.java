package io.producer.server.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void completedHasTheReferenceShape() throws Exception {
        String clip = """
                {"clip_id":"c1","title":"Night Drive","sound":"synthwave","lyrics":"[Verse]\\nla","audio_url":"https://h/a.mp3",\
                "wav_url":"https://h/a.wav","image_url":"https://h/a.png","video_url":null,"created_at":"2026-11-24T21:00:00.000000Z",\
                "mv":"FUZZ-2.0","seed":"42","duration":31.5,"state":"succeeded"}""";
        assertEquals("{\"task_id\":\"t1\",\"platform\":\"producer\",\"event\":\"song.completed\",\"code\":200,"
                        + "\"message\":\"success\",\"data\":[" + clip + "]}",
                WebhookPayloads.completed("t1", JSON.readTree(clip)));
    }

    @Test
    void failedHasTheReferenceShape() {
        assertEquals("{\"task_id\":\"t2\",\"platform\":\"producer\",\"event\":\"song.failed\",\"type\":\"failed\","
                        + "\"message\":\"clip_id: no clip with this id\",\"refund_processed\":true}",
                WebhookPayloads.failed("t2", "clip_id: no clip with this id", true));
    }
}
