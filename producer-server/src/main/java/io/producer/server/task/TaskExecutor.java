package io.producer.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.producer.engine.Engine;
import io.producer.engine.Profile;
import io.producer.engine.Song;
import io.producer.engine.SongRequest;
import io.producer.engine.SourceClip;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.MidiFile;
import io.producer.engine.audio.Wav;
import io.producer.engine.score.Score;
import io.producer.engine.score.ScoreJson;
import io.producer.engine.score.WordTiming;
import io.producer.server.api.ClipView;
import io.producer.server.api.Json;
import io.producer.server.blob.Blob;
import io.producer.server.blob.BlobStore;
import io.producer.server.store.Clip;
import io.producer.server.store.ClipStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * What a worker does with a claimed task: builds the engine request, calls the {@link Engine}
 * facade, encodes and stores every output (mix MP3 and WAV, the four stems, score JSON, MIDI, cover
 * PNG) and returns the clip to publish. It writes files only; {@link WorkerPool} publishes the
 * outcome in one transaction.
 */
public final class TaskExecutor {
    /** What a successful task publishes: blobs to record, the clip row (null for downloads). */
    public record Result(List<Blob> blobs, Clip clip) {}

    private final Engine engine;
    private final BlobStore blobs;
    private final ClipStore clips;
    private final UploadFetcher uploads;
    private final MeterRegistry metrics;

    public TaskExecutor(Engine engine, BlobStore blobs, ClipStore clips, UploadFetcher uploads, MeterRegistry metrics) {
        this.engine = engine;
        this.blobs = blobs;
        this.clips = clips;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    public Result execute(Task task, IntConsumer progress) {
        TaskRequest r = task.request();
        if (task.type() == TaskType.DOWNLOAD) {
            source(task, r.clipId());
            return new Result(List.of(), null);
        }
        if (task.type() == TaskType.UPLOAD) {
            AudioBuffer audio = uploads.fetch(r.audioUrl());
            progress.accept(WorkerPool.RENDER_START);
            Song song = timed(task, () -> engine.analyse(audio, r.seed()));
            progress.accept(WorkerPool.RENDER_END);
            return store(task, song, null, null, null, null, progress);
        }

        Clip sourceClip = task.type().needsClip() ? source(task, r.clipId()) : null;
        SourceClip source = sourceClip == null ? null : load(sourceClip);
        progress.accept(15);
        SongRequest request = new SongRequest(r.sound(), r.lyrics(),
                r.title() != null ? r.title() : sourceClip != null ? sourceClip.title() : null,
                Profile.byMv(r.mv()), r.seed(), Boolean.TRUE.equals(r.makeInstrumental()),
                orDefault(r.lyricsStrength()), orDefault(r.soundStrength()), orDefault(r.weirdness()),
                orDefault(r.coverStrength()));
        progress.accept(WorkerPool.RENDER_START);
        Song song = timed(task, () -> switch (task.type()) {
            case CREATE_MUSIC -> engine.create(request);
            case EXTEND_MUSIC -> engine.extend(source, request, io.producer.server.api.RequestValidator.effectiveStartsAt(r));
            case REPLACE_MUSIC -> engine.replace(source, request, r.startsAt(), r.endsAt());
            case COVER_MUSIC -> engine.cover(source, request);
            case MUSIC_VARIATION -> engine.variation(source, request);
            case SWAP_MUSIC_VOCALS -> engine.swapVocals(source, request);
            case SWAP_MUSIC_SOUND -> engine.swapSound(source, request);
            default -> throw new IllegalStateException("not a render task: " + task.type());
        });
        progress.accept(WorkerPool.RENDER_END);
        String lyrics = r.lyrics();
        if (sourceClip != null) {
            if (task.type() == TaskType.EXTEND_MUSIC && lyrics != null && sourceClip.lyrics() != null) {
                lyrics = sourceClip.lyrics() + "\n\n" + lyrics;
            } else if (lyrics == null) {
                lyrics = sourceClip.lyrics();
            }
        }
        String title = r.title() != null ? r.title() : sourceClip != null ? sourceClip.title() : song.score().title();
        String sound = r.sound() != null ? r.sound() : sourceClip != null ? sourceClip.sound() : null;
        return store(task, song, sourceClip, title, sound, lyrics, progress);
    }

    private Clip source(Task task, String clipId) {
        return clips.find(task.keyId(), clipId).orElseThrow(() ->
                new TaskFailure("The source clip " + clipId + " no longer exists."));
    }

    /** The source of an edit: its score, and its audio when that is not just a render of the score (uploads). */
    private SourceClip load(Clip c) {
        if (c.scoreBlob() == null) throw new TaskFailure("The source clip " + c.id() + " has no score to edit.");
        Score score = ScoreJson.read(blobs.read(c.scoreBlob()));
        AudioBuffer audio = "composed".equals(score.origin()) ? null : Wav.decode(blobs.read(c.wavBlob()));
        return new SourceClip(score, audio);
    }

    private Song timed(Task task, java.util.function.Supplier<Song> work) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            return work.get();
        } finally {
            sample.stop(Timer.builder("producer.render").description("engine time per task")
                    .tag("task_type", task.type().wire()).register(metrics));
        }
    }

    private Result store(Task task, Song song, Clip source, String title, String sound, String lyrics, IntConsumer progress) {
        TaskRequest r = task.request();
        String owner = task.keyId();
        Score score = song.score();
        Profile profile = Profile.byMv(score.profile()) != null ? Profile.byMv(score.profile())
                : r.mv() != null && Profile.byMv(r.mv()) != null ? Profile.byMv(r.mv()) : Profile.DEFAULT;
        List<Blob> written = new ArrayList<>();
        Blob mp3 = put(task, "mp3", "audio/mpeg", song.mp3(profile), written);
        progress.accept(80);
        Blob wav = put(task, "wav", "audio/wav", Wav.encode(song.mix()), written);
        Map<String, String> stems = new LinkedHashMap<>();
        stems.put("vocals", put(task, "stem_vocals", "audio/wav", Wav.encode(song.stems().vocals()), written).id());
        stems.put("drums", put(task, "stem_drums", "audio/wav", Wav.encode(song.stems().drums()), written).id());
        stems.put("bass", put(task, "stem_bass", "audio/wav", Wav.encode(song.stems().bass()), written).id());
        stems.put("other", put(task, "stem_other", "audio/wav", Wav.encode(song.stems().other()), written).id());
        progress.accept(90);
        Blob scoreBlob = put(task, "score", "application/json", ScoreJson.write(score), written);
        Blob midi = put(task, "midi", "audio/midi", MidiFile.write(score), written);
        String genre = score.style() != null ? score.style().mainGenre() : null;
        Blob image = r.coverUrl() != null ? null
                : put(task, "cover", "image/png", CoverArt.png(r.seed(), title, genre), written);
        progress.accept(95);

        String origin = task.type() == TaskType.UPLOAD ? "analysed" : task.type() == TaskType.CREATE_MUSIC ? "composed" : "edited";
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        String clipId = UUID.nameUUIDFromBytes(blobs.idFor(task.id(), "clip").getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toString();
        Clip clip = new Clip(clipId, owner, task.id(), task.type().wire(), source == null ? null : source.id(), origin,
                title, sound, lyrics, r.mv() != null ? r.mv() : profile.mv(), r.seed(), song.durationSeconds(), micros,
                mp3.id(), wav.id(), image == null ? null : image.id(), r.coverUrl(), stems, scoreBlob.id(), midi.id(),
                timelineJson(song.timeline()));
        return new Result(written, clip);
    }

    private Blob put(Task task, String kind, String contentType, byte[] data, List<Blob> written) {
        Blob b = blobs.write(blobs.idFor(task.id(), kind), task.keyId(), kind, contentType, data);
        written.add(b);
        return b;
    }

    private static String timelineJson(List<WordTiming> timeline) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (WordTiming w : timeline) {
            ObjectNode n = a.addObject();
            n.put("word", w.word());
            n.put("start", Math.round(w.start() * 1000) / 1000.0);
            n.put("end", Math.round(w.end() * 1000) / 1000.0);
        }
        try {
            return Json.MAPPER.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double orDefault(Double v) {
        return v == null ? SongRequest.DEFAULT_STRENGTH : v;
    }
}
