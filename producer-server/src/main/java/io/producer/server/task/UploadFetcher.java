package io.producer.server.task;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.AudioDecoder;
import io.producer.engine.audio.UnsupportedAudioException;
import io.producer.server.net.FetchException;
import io.producer.server.net.SafeFetcher;

import java.net.URI;
import java.util.Locale;

/**
 * Brings an upload's audio in: fetched through the {@link SafeFetcher} guard (public addresses
 * only unless the development setting allows private ones; redirects re-checked; size cap;
 * timeouts), decoded as WAV or MP3, and refused above the length limit.
 */
public final class UploadFetcher {
    private final SafeFetcher fetcher;
    private final double maxSeconds;

    public UploadFetcher(SafeFetcher fetcher, double maxSeconds) {
        this.fetcher = fetcher;
        this.maxSeconds = maxSeconds;
    }

    public AudioBuffer fetch(String url) {
        byte[] data;
        try {
            data = fetcher.get(URI.create(url.trim()));
        } catch (FetchException e) {
            throw new TaskFailure("Could not fetch audio_url: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TaskFailure("Could not fetch audio_url: it is not a valid URL.", e);
        }
        AudioBuffer audio;
        try {
            audio = AudioDecoder.decode(data);
        } catch (UnsupportedAudioException e) {
            throw new TaskFailure("The file at audio_url is not audio we can read (MP3 or WAV): " + e.getMessage(), e);
        }
        if (audio.frames() == 0) throw new TaskFailure("The file at audio_url contains no audio.");
        if (audio.durationSeconds() > maxSeconds) {
            throw new TaskFailure(String.format(Locale.ROOT, "The audio at audio_url is %.1f s long; uploads are limited to %.0f s (4 minutes).",
                    audio.durationSeconds(), maxSeconds));
        }
        return audio;
    }
}
