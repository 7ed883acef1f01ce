package io.producer.server.account;

import io.producer.server.store.Database;
import io.producer.server.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The credits ledger: grants (+), reservations (−) when a task is queued, refunds (+) when it
 * fails. Reserve and refund take the caller's transaction so that the charge and the task row
 * commit together; the transaction is BEGIN IMMEDIATE, so two reservations on one key are
 * serialised and the balance can never go below zero.
 */
public final class Credits {
    private final Database db;

    public Credits(Database db) {
        this.db = db;
    }

    public long balance(String keyId) {
        return db.read(c -> balance(c, keyId));
    }

    public void grant(String keyId, long amount) {
        db.tx(c -> {
            grant(c, keyId, amount);
            return null;
        });
    }

    public static long balance(Connection c, String keyId) throws SQLException {
        return Sql.longValue(c, "SELECT COALESCE(SUM(delta), 0) FROM credit_ledger WHERE key_id = ?", keyId);
    }

    public static void grant(Connection c, String keyId, long amount) throws SQLException {
        Sql.update(c, "INSERT INTO credit_ledger(key_id, delta, reason, task_id, created_at) VALUES (?,?,?,NULL,?)",
                keyId, amount, "grant", System.currentTimeMillis());
    }

    /** Takes {@code amount} for {@code taskId} if the balance covers it; false (nothing written) otherwise. */
    public static boolean reserve(Connection c, String keyId, long amount, String taskId) throws SQLException {
        if (balance(c, keyId) < amount) return false;
        Sql.update(c, "INSERT INTO credit_ledger(key_id, delta, reason, task_id, created_at) VALUES (?,?,?,?,?)",
                keyId, -amount, "reserve", taskId, System.currentTimeMillis());
        return true;
    }

    /** Gives back what {@code taskId} reserved; at most once per task (a unique index guards it). */
    public static long refund(Connection c, String taskId) throws SQLException {
        var reserved = Sql.one(c, "SELECT key_id, delta FROM credit_ledger WHERE task_id = ? AND reason = 'reserve'",
                rs -> new Object[]{rs.getString(1), rs.getLong(2)}, taskId);
        if (reserved.isEmpty()) return 0;
        if (Sql.longValue(c, "SELECT COUNT(*) FROM credit_ledger WHERE task_id = ? AND reason = 'refund'", taskId) > 0) return 0;
        long amount = -(Long) reserved.get()[1];
        Sql.update(c, "INSERT INTO credit_ledger(key_id, delta, reason, task_id, created_at) VALUES (?,?,?,?,?)",
                reserved.get()[0], amount, "refund", taskId, System.currentTimeMillis());
        return amount;
    }
}
