package io.secrethub.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The server's database: a connection pool, the schema migrations, and the only way to run queries.
 * Every write runs in one transaction through {@link #write}, so a refused or failed request leaves
 * nothing half-written.
 */
public final class Database implements AutoCloseable {
    public static final String SQLITE_FILE = "secrethub.db";
    private static final int POOL_SIZE = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final StoredJson json = new StoredJson();
    /*
     * SQLite has one writer at a time. Writers queue here rather than in SQLite's busy handler,
     * because a virtual thread sleeping in native code pins its carrier: with two cores, two
     * waiting writers could starve the one holding the lock.
     */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        // Bound values include ciphertext from request bodies; keep them out of exception messages and logs.
        this.jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /** Opens (creating if needed) {@code <dataDir>/secrethub.db} and migrates it to the current schema. */
    public static Database openSqlite(Path dataDir) {
        createPrivateDirectory(dataDir);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A deferred transaction that reads first and then writes can fail with SQLITE_BUSY
        // instead of waiting; IMMEDIATE takes the write lock up front.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath());

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(dataSource);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setPoolName("secrethub-sqlite");
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /** Runs read-only work. Each statement sees committed data; no transaction is held open. */
    public <T> T read(Function<Stores, T> work) {
        return jdbi.withHandle(handle -> work.apply(new Stores(handle, json)));
    }

    /**
     * Runs work in one transaction: all of it is committed, or, if it throws, none of it. The
     * exception is rethrown unchanged, so an {@code ApiException} thrown mid-way still becomes the answer.
     */
    public <T> T write(Function<Stores, T> work) {
        writeLock.lock();
        try {
            return jdbi.inTransaction(handle -> work.apply(new Stores(handle, json)));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void createPrivateDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }
}
