package io.producer.server.blob;

import io.producer.server.store.Database;
import io.producer.server.store.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Files under {@code <data>/blobs/<id[0:2]>/<id>}. A blob's file is written (atomically, via a
 * temporary file) before its row is recorded in the transaction that publishes the clip, so a
 * published row always has its file. Ids of a task's outputs are derived from the task id with a
 * keyed hash: a task that is run again after a crash overwrites its own files instead of leaving
 * orphans, and nobody can compute an id without the server's secret.
 */
public final class BlobStore {
    private final Path root;
    private final Database db;
    private final UrlSigner signer;

    public BlobStore(Path dataDir, Database db, UrlSigner signer) {
        this.root = dataDir.resolve("blobs");
        this.db = db;
        this.signer = signer;
    }

    /** The id of output {@code kind} of task {@code taskId}. */
    public String idFor(String taskId, String kind) {
        return signer.derive("blob:" + taskId + ":" + kind).substring(0, 32);
    }

    /** Writes the file (not yet visible to anyone) and returns the row to record with {@link #record}. */
    public Blob write(String id, String keyId, String kind, String contentType, byte[] data) {
        Path file = path(id);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(id + ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + id, e);
        }
        return new Blob(id, keyId, kind, contentType, data.length, sha256(data), System.currentTimeMillis());
    }

    public static void record(Connection c, Blob b) throws SQLException {
        Sql.update(c, """
                INSERT OR REPLACE INTO blobs(id, key_id, kind, content_type, size, sha256, created_at)
                VALUES (?,?,?,?,?,?,?)""", b.id(), b.keyId(), b.kind(), b.contentType(), b.size(), b.sha256(), b.createdAt());
    }

    public Optional<Blob> find(String id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM blobs WHERE id = ?", rs -> new Blob(rs.getString("id"),
                rs.getString("key_id"), rs.getString("kind"), rs.getString("content_type"), rs.getLong("size"),
                rs.getString("sha256"), rs.getLong("created_at")), id));
    }

    public byte[] read(String id) {
        try {
            return Files.readAllBytes(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + id, e);
        }
    }

    public Path path(String id) {
        if (!id.matches("[0-9a-f]{32}")) throw new IllegalArgumentException("not a blob id: " + id);
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
