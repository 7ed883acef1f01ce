package io.producer.engine.audio;

/**
 * Audio bytes the engine cannot read: not WAV or MP3, a WAV encoding it does not handle, or a
 * truncated file. Unchecked and an {@link IllegalArgumentException}, so the server maps it to a 4xx
 * naming the upload, never a 5xx.
 */
public class UnsupportedAudioException extends IllegalArgumentException {
    public UnsupportedAudioException(String message) {
        super(message);
    }

    public UnsupportedAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
