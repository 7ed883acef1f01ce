package io.producer.engine.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The prompts of an evaluation run, read from a JSON array: {@code id} (file name stem),
 * {@code group} ("seed" for the user's examples, "extra" for added genres), {@code from} (the seed
 * task the prompt came from), {@code mv}, {@code sound}, {@code lyrics} (both may be null, not
 * together) and {@code instrumental}.
 */
public record PromptList(List<Prompt> prompts) {
    public record Prompt(String id, String group, String from, String mv, String sound, String lyrics,
                         boolean instrumental) {}

    public static PromptList read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Prompt[] all = json.readValue(Files.readAllBytes(file), Prompt[].class);
        return new PromptList(List.of(all));
    }
}
