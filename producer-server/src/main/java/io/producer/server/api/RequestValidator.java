package io.producer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.producer.engine.Profile;
import io.producer.server.store.Clip;
import io.producer.server.task.TaskRequest;
import io.producer.server.task.TaskType;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * The validation rules of the seed document and the reference (era E1), one method per endpoint.
 * Rules that need the source clip (ownership, starts_at inside it) are in {@link #checkAgainstSource}.
 */
public final class RequestValidator {
    public static final int TITLE_MAX = 80;
    public static final int SOUND_MAX = 3000;
    public static final int LYRICS_MAX = 5000;
    public static final int SEED_MAX = 64;
    public static final int URL_MAX = 1024;
    public static final int AUDIO_URL_MAX = 2048;
    public static final int SECRET_MAX = 256;
    public static final int CLIP_ID_MAX = 100;
    public static final double DEFAULT_EXTEND_STARTS_AT = 30.0;
    public static final List<String> FORMATS = List.of("mp3", "wav");

    private static final SecureRandom RANDOM = new SecureRandom();
    private final boolean webhookAllowHttp;

    public RequestValidator(boolean webhookAllowHttp) {
        this.webhookAllowHttp = webhookAllowHttp;
    }

    /** A random numeric seed string for requests without one, so every clip can be reproduced. */
    public static String drawSeed() {
        return Long.toString(RANDOM.nextLong() >>> 32);
    }

    public TaskRequest create(ObjectNode body) {
        Fields f = new Fields(body);
        String typeName = f.string("task_type", 64);
        if (typeName == null) throw ApiException.badRequest("The 'task_type' field is required. Allowed values: "
                + String.join(", ", TaskType.createTypes()) + ".");
        TaskType type = TaskType.byWire(typeName);
        if (type == null || !type.isCreateEndpoint()) {
            throw ApiException.badRequest("The 'task_type' field is invalid. Allowed values: "
                    + String.join(", ", TaskType.createTypes()) + ".");
        }
        String mv = f.string("mv", 64);
        if (mv == null) mv = Profile.DEFAULT.mv();
        else if (Profile.byMv(mv) == null) {
            throw ApiException.badRequest("The 'mv' field is invalid. Allowed values: " + String.join(", ", Profile.mvNames()) + ".");
        }
        String sound = f.text("sound", SOUND_MAX);
        String lyrics = f.text("lyrics", LYRICS_MAX);
        String title = f.text("title", Integer.MAX_VALUE);
        if (title != null && title.length() > TITLE_MAX) {
            throw ApiException.badRequest("The 'title' field is too long: the title character length should be at most "
                    + TITLE_MAX + " (got " + title.length() + ").");
        }
        String seed = f.string("seed", SEED_MAX);
        if (seed != null && seed.isBlank()) throw ApiException.badRequest("The 'seed' field should not be empty.");
        Boolean instrumental = f.bool("make_instrumental");
        Double lyricsStrength = f.number("lyrics_strength", 0, 1);
        Double soundStrength = f.number("sound_strength", 0.2, 1);
        Double weirdness = f.number("weirdness", 0, 1);
        Double coverStrength = f.number("cover_strength", 0.2, 1);
        String clipId = f.string("clip_id", CLIP_ID_MAX);
        Double startsAt = f.atLeast("starts_at", 0);
        Double endsAt = f.atLeast("ends_at", 0);
        String coverUrl = f.string("cover_url", URL_MAX);
        if (coverUrl != null) requireUrl("cover_url", coverUrl, false);
        String webhookUrl = webhookUrl(f);
        String webhookSecret = f.string("webhook_secret", SECRET_MAX);

        if (type.needsClip() && (clipId == null || clipId.isBlank())) {
            throw ApiException.badRequest("The 'clip_id' field is required for " + type.wire() + ".");
        }
        switch (type) {
            case CREATE_MUSIC, EXTEND_MUSIC, COVER_MUSIC, REPLACE_MUSIC -> {
                if (sound == null && lyrics == null) {
                    throw ApiException.badRequest("The 'sound' or 'lyrics' field is required for " + type.wire()
                            + ": give a style description, lyrics, or both.");
                }
            }
            case SWAP_MUSIC_VOCALS -> {
                if (sound == null) throw ApiException.badRequest("The 'sound' field is required for swap_music_vocals (the new vocal style).");
                if (lyrics == null) throw ApiException.badRequest("The 'lyrics' field is required for swap_music_vocals (the words to sing).");
            }
            case SWAP_MUSIC_SOUND -> {
                if (sound == null) throw ApiException.badRequest("The 'sound' field is required for swap_music_sound (the new instrumental style).");
            }
            default -> { }
        }
        if (type == TaskType.REPLACE_MUSIC && startsAt == null) {
            throw ApiException.badRequest("The 'starts_at' field is required for replace_music (start of the section to replace, in seconds).");
        }
        if (endsAt != null && type == TaskType.REPLACE_MUSIC && endsAt <= startsAt) {
            throw ApiException.badRequest("The 'ends_at' field should be greater than 'starts_at' (" + Fields.fmt(startsAt)
                    + "), got " + Fields.fmt(endsAt) + ".");
        }
        if (seed == null) seed = drawSeed();
        boolean uses = type == TaskType.EXTEND_MUSIC || type == TaskType.REPLACE_MUSIC;
        return new TaskRequest(type.wire(), mv, sound, lyrics, title, seed, instrumental, lyricsStrength, soundStrength,
                weirdness, coverStrength, type.needsClip() ? clipId : null, uses ? startsAt : null,
                type == TaskType.REPLACE_MUSIC ? endsAt : null, coverUrl, webhookUrl, webhookSecret, null, null);
    }

    /** Rules that need the (owned) source clip. */
    public static void checkAgainstSource(TaskRequest r, Clip source) {
        Double startsAt = effectiveStartsAt(r);
        if (startsAt != null && startsAt >= source.duration()) {
            throw ApiException.badRequest("The 'starts_at' field should be less than the source clip's duration ("
                    + String.format(Locale.ROOT, "%.2f", source.duration()) + " s), got " + Fields.fmt(startsAt)
                    + (r.startsAt() == null ? " (extend_music's default): give a smaller starts_at." : "."));
        }
        if (r.endsAt() != null && r.endsAt() > source.duration() + 1e-9) {
            throw ApiException.badRequest("The 'ends_at' field should be at most the source clip's duration ("
                    + String.format(Locale.ROOT, "%.2f", source.duration()) + " s), got " + Fields.fmt(r.endsAt()) + ".");
        }
    }

    /** starts_at as the engine gets it: extend_music defaults to 30 s when the request has none. */
    public static Double effectiveStartsAt(TaskRequest r) {
        if (r.startsAt() != null) return r.startsAt();
        return r.type() == TaskType.EXTEND_MUSIC ? DEFAULT_EXTEND_STARTS_AT : null;
    }

    public TaskRequest upload(ObjectNode body) {
        Fields f = new Fields(body);
        String audioUrl = f.string("audio_url", AUDIO_URL_MAX);
        if (audioUrl == null || audioUrl.isBlank()) throw ApiException.badRequest("The 'audio_url' field is required (a public http or https URL of an MP3 or WAV file).");
        requireUrl("audio_url", audioUrl, true);
        String webhookUrl = webhookUrl(f);
        String webhookSecret = f.string("webhook_secret", SECRET_MAX);
        return TaskRequest.upload(audioUrl, drawSeed(), webhookUrl, webhookSecret);
    }

    public TaskRequest download(ObjectNode body) {
        Fields f = new Fields(body);
        String clipId = f.string("clip_id", CLIP_ID_MAX);
        if (clipId == null || clipId.isBlank()) throw ApiException.badRequest("The 'clip_id' field is required for download.");
        String format = f.string("format", 16);
        if (format == null) format = "mp3";
        else if (!FORMATS.contains(format)) throw ApiException.badRequest("The 'format' field is invalid. Allowed values: mp3, wav.");
        String webhookUrl = webhookUrl(f);
        String webhookSecret = f.string("webhook_secret", SECRET_MAX);
        return TaskRequest.download(clipId, format, webhookUrl, webhookSecret);
    }

    private String webhookUrl(Fields f) {
        String url = f.string("webhook_url", URL_MAX);
        if (url == null) return null;
        URI uri = parseUrl(url);
        String scheme = uri == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        // the same rule the deliverer enforces: plain http only to this machine, and only in development
        boolean ok = uri != null && ("https".equals(scheme)
                || (webhookAllowHttp && "http".equals(scheme) && isLocalHost(uri.getHost())));
        if (!ok) {
            throw ApiException.badRequest(webhookAllowHttp
                    ? "The 'webhook_url' field should be an HTTPS URL (plain http is allowed only to localhost in development mode)."
                    : "The 'webhook_url' field should be an HTTPS URL.");
        }
        return url;
    }

    private static boolean isLocalHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static void requireUrl(String field, String url, boolean httpAllowed) {
        URI uri = parseUrl(url);
        String scheme = uri == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !("https".equals(scheme) || (httpAllowed && "http".equals(scheme)))) {
            throw ApiException.badRequest("The '" + field + "' field should be " + (httpAllowed ? "an http or https" : "an HTTPS") + " URL.");
        }
    }

    /** An absolute http(s)-like URL with a host, or null. */
    private static URI parseUrl(String s) {
        try {
            URI uri = new URI(s.trim());
            if (!uri.isAbsolute() || uri.getScheme() == null || uri.getHost() == null || uri.getHost().isEmpty()) return null;
            return uri;
        } catch (Exception e) {
            return null;
        }
    }
}
