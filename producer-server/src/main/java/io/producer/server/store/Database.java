package io.producer.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQLite database in the data directory: WAL journal (readers never block the writer), a
 * busy timeout instead of "database is locked" errors, and every explicit transaction opened with
 * BEGIN IMMEDIATE so that read-check-write sequences (credits, queue claims) are serialised.
 * Flyway applies the migrations of {@code db/migration} on open. Connections are pooled (HikariCP):
 * opening a SQLite connection and applying its pragmas costs about 2 ms, reusing one about 20 µs,
 * and every request borrows one or two.
 */
public final class Database {
    private final Path file;
    private final DataSource dataSource;

    private Database(Path file, DataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("producer.db").toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("sqlite");
        pool.setMaximumPoolSize(16);
        pool.setMinimumIdle(1);
        pool.setIdleTimeout(60_000);
        pool.setConnectionTimeout(30_000);
        return new Database(file, new HikariDataSource(pool));
    }

    /** For collaborators that manage their own connections (the webhook deliverer). */
    public DataSource dataSource() { return dataSource; }

    public Path file() { return file; }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one write transaction (BEGIN IMMEDIATE): all or nothing. */
    public <T> T tx(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs {@code work} on an autocommit connection (single reads or single statements). */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** True when the database answers a query (readiness). */
    public boolean reachable() {
        try {
            return read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }
}
