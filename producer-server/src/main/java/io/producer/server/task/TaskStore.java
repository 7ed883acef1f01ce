package io.producer.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.producer.server.api.Json;
import io.producer.server.store.Database;
import io.producer.server.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The durable queue. A worker claims the oldest PENDING task, or a RUNNING one whose lease ran
 * out (its worker died), by writing its own id and a lease deadline in one BEGIN IMMEDIATE
 * transaction; it extends the lease with heartbeats. Finishing is conditional on still holding
 * the lease, so a task reclaimed by another worker can never be finished twice.
 */
public final class TaskStore {
    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    public static void insert(Connection c, String id, String keyId, TaskRequest request, int cost) throws SQLException {
        Sql.update(c, "INSERT INTO tasks(id, key_id, task_type, status, request_json, cost, created_at) VALUES (?,?,?,?,?,?,?)",
                id, keyId, request.taskType(), TaskStatus.PENDING.name(), toJson(request), cost, System.currentTimeMillis());
    }

    /** Tasks waiting or running: what the queue limit counts. */
    public static long active(Connection c) throws SQLException {
        return Sql.longValue(c, "SELECT COUNT(*) FROM tasks WHERE status IN ('PENDING','RUNNING')");
    }

    public long active() {
        return db.read(TaskStore::active);
    }

    public long pending() {
        return db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM tasks WHERE status = 'PENDING'"));
    }

    public long running() {
        return db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM tasks WHERE status = 'RUNNING'"));
    }

    public Optional<Task> find(String id) {
        return db.read(c -> find(c, id));
    }

    public static Optional<Task> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM tasks WHERE id = ?", TaskStore::map, id);
    }

    /** Claims the next runnable task for {@code owner}, or empty when there is none. */
    public Optional<Task> claim(String owner, long leaseMillis) {
        long now = System.currentTimeMillis();
        // a plain read first: an idle worker should not take the write lock every second
        boolean any = db.read(c -> Sql.longValue(c, """
                SELECT EXISTS(SELECT 1 FROM tasks WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until < ?))""", now) == 1);
        if (!any) return Optional.empty();
        return db.tx(c -> {
            Optional<String> id = Sql.one(c, """
                    SELECT id FROM tasks
                    WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until < ?)
                    ORDER BY seq LIMIT 1""", rs -> rs.getString(1), now);
            if (id.isEmpty()) return Optional.empty();
            Sql.update(c, """
                    UPDATE tasks SET status = 'RUNNING', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                                     started_at = COALESCE(started_at, ?), progress = MAX(progress, 1)
                    WHERE id = ?""", owner, now + leaseMillis, now, id.get());
            return find(c, id.get());
        });
    }

    /** Extends the lease and records progress; false when the lease was lost to another worker. */
    public boolean heartbeat(String id, String owner, long leaseMillis, int progress) {
        long now = System.currentTimeMillis();
        return db.tx(c -> Sql.update(c, """
                UPDATE tasks SET lease_until = ?, progress = MAX(progress, ?)
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""",
                now + leaseMillis, Math.min(progress, 99), id, owner) == 1);
    }

    /** Marks the task SUCCESS inside {@code c}; false (caller rolls back) when {@code owner} no longer holds it. */
    public static boolean succeed(Connection c, String id, String owner, String resultJson) throws SQLException {
        return Sql.update(c, """
                UPDATE tasks SET status = 'SUCCESS', progress = 100, result_json = ?, finished_at = ?,
                                 lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""",
                resultJson, System.currentTimeMillis(), id, owner) == 1;
    }

    /** Marks the task FAILED inside {@code c}; {@code owner} null fails it whoever holds it. */
    public static boolean fail(Connection c, String id, String owner, String reason, boolean refunded) throws SQLException {
        String sql = """
                UPDATE tasks SET status = 'FAILED', error = ?, refunded = ?, finished_at = ?,
                                 lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND status IN ('PENDING','RUNNING')""" + (owner == null ? "" : " AND lease_owner = ?");
        return owner == null
                ? Sql.update(c, sql, reason, refunded ? 1 : 0, System.currentTimeMillis(), id) == 1
                : Sql.update(c, sql, reason, refunded ? 1 : 0, System.currentTimeMillis(), id, owner) == 1;
    }

    private static Task map(ResultSet rs) throws SQLException {
        long leaseUntil = rs.getLong("lease_until");
        Long lease = rs.wasNull() ? null : leaseUntil;
        long started = rs.getLong("started_at");
        Long startedAt = rs.wasNull() ? null : started;
        long finished = rs.getLong("finished_at");
        Long finishedAt = rs.wasNull() ? null : finished;
        return new Task(rs.getString("id"), rs.getString("key_id"), TaskType.byWire(rs.getString("task_type")),
                TaskStatus.valueOf(rs.getString("status")), fromJson(rs.getString("request_json")), rs.getInt("cost"),
                rs.getInt("progress"), rs.getInt("attempts"), rs.getString("lease_owner"), lease,
                rs.getString("result_json"), rs.getString("error"), rs.getInt("refunded") == 1,
                rs.getLong("created_at"), startedAt, finishedAt);
    }

    private static String toJson(TaskRequest r) {
        try {
            return Json.MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TaskRequest fromJson(String s) throws SQLException {
        try {
            return Json.MAPPER.readValue(s, TaskRequest.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable task request: " + e.getMessage(), e);
        }
    }
}
