package io.producer.engine.score;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The score as JSON (the clip's score.json, and how edits get the score of an earlier clip back).
 * Only record components are written (derived methods such as {@code isEmpty()} are not
 * properties), doubles are written in full precision, so {@code read(write(s)).equals(s)}.
 */
public final class ScoreJson {
    private ScoreJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    public static byte[] write(Score score) {
        try {
            return MAPPER.writeValueAsBytes(score);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write score JSON", e);
        }
    }

    /** Reads a score written by {@link #write}; malformed input throws IllegalArgumentException. */
    public static Score read(byte[] json) {
        try {
            return MAPPER.readValue(json, Score.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid score JSON: " + e.getMessage(), e);
        }
    }
}
