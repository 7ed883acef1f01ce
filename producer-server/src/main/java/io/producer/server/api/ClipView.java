package io.producer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.producer.server.blob.UrlSigner;
import io.producer.server.store.Clip;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Clip objects as the API shows them, with freshly signed file URLs. */
public final class ClipView {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final UrlSigner signer;
    private final java.util.function.Supplier<String> publicBase;
    private final java.time.Duration ttl;

    public ClipView(UrlSigner signer, java.util.function.Supplier<String> publicBase, java.time.Duration ttl) {
        this.signer = signer;
        this.publicBase = publicBase;
        this.ttl = ttl;
    }

    public String url(String blobId, String extension) {
        if (blobId == null) return null;
        return publicBase.get() + signer.signedPath(blobId, extension, Instant.now().plus(ttl));
    }

    public Instant expiry() { return Instant.now().plus(ttl); }

    public ObjectNode clip(Clip c) {
        ObjectNode n = Json.object();
        n.put("clip_id", c.id());
        n.put("title", c.title());
        n.put("sound", c.sound());
        n.put("lyrics", c.lyrics());
        n.put("audio_url", url(c.mp3Blob(), "mp3"));
        n.put("wav_url", url(c.wavBlob(), "wav"));
        n.put("image_url", c.imageUrl() != null ? c.imageUrl() : url(c.imageBlob(), "png"));
        n.putNull("video_url");
        n.put("created_at", createdAt(c.createdAtMicros()));
        n.put("mv", c.mv());
        n.put("seed", c.seed());
        n.put("duration", c.duration());
        n.put("state", "succeeded");
        return n;
    }

    /** The data item of a download task: a fresh link to the clip in the asked format. */
    public ObjectNode downloadItem(Clip c, String format) {
        boolean wav = "wav".equals(format);
        ObjectNode d = Json.object();
        d.put("clip_id", c.id());
        d.put("format", wav ? "wav" : "mp3");
        d.put("audio_url", wav ? url(c.wavBlob(), "wav") : url(c.mp3Blob(), "mp3"));
        d.put("duration", c.duration());
        return d;
    }

    public static String createdAt(long micros) {
        return MICROS.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }
}
