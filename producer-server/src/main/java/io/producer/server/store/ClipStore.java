package io.producer.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Clips by id, always scoped to the key that owns them: another key's clip simply does not exist. */
public final class ClipStore {
    public static final String[] STEMS = {"vocals", "drums", "bass", "other"};
    private final Database db;

    public ClipStore(Database db) {
        this.db = db;
    }

    public Optional<Clip> find(String keyId, String clipId) {
        if (clipId == null) return Optional.empty();
        return db.read(c -> Sql.one(c, "SELECT * FROM clips WHERE id = ? AND key_id = ?", ClipStore::map, clipId, keyId));
    }

    public static Optional<Clip> find(Connection c, String keyId, String clipId) throws SQLException {
        return Sql.one(c, "SELECT * FROM clips WHERE id = ? AND key_id = ?", ClipStore::map, clipId, keyId);
    }

    public Optional<Clip> byTask(String taskId) {
        return db.read(c -> byTask(c, taskId));
    }

    public static Optional<Clip> byTask(Connection c, String taskId) throws SQLException {
        return Sql.one(c, "SELECT * FROM clips WHERE task_id = ?", ClipStore::map, taskId);
    }

    public static void insert(Connection c, Clip k) throws SQLException {
        Sql.update(c, """
                INSERT INTO clips(id, key_id, task_id, task_type, source_clip_id, origin, title, sound, lyrics, mv, seed,
                                  duration, created_at_us, mp3_blob, wav_blob, image_blob, image_url, vocals_blob,
                                  drums_blob, bass_blob, other_blob, score_blob, midi_blob, timeline_json)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                k.id(), k.keyId(), k.taskId(), k.taskType(), k.sourceClipId(), k.origin(), k.title(), k.sound(),
                k.lyrics(), k.mv(), k.seed(), k.duration(), k.createdAtMicros(), k.mp3Blob(), k.wavBlob(),
                k.imageBlob(), k.imageUrl(), k.stems().get("vocals"), k.stems().get("drums"), k.stems().get("bass"),
                k.stems().get("other"), k.scoreBlob(), k.midiBlob(), k.timelineJson());
    }

    private static Clip map(ResultSet rs) throws SQLException {
        Map<String, String> stems = new LinkedHashMap<>();
        for (String s : STEMS) {
            String b = rs.getString(s + "_blob");
            if (b != null) stems.put(s, b);
        }
        return new Clip(rs.getString("id"), rs.getString("key_id"), rs.getString("task_id"), rs.getString("task_type"),
                rs.getString("source_clip_id"), rs.getString("origin"), rs.getString("title"), rs.getString("sound"),
                rs.getString("lyrics"), rs.getString("mv"), rs.getString("seed"), rs.getDouble("duration"),
                rs.getLong("created_at_us"), rs.getString("mp3_blob"), rs.getString("wav_blob"),
                rs.getString("image_blob"), rs.getString("image_url"), stems, rs.getString("score_blob"),
                rs.getString("midi_blob"), rs.getString("timeline_json"));
    }
}
