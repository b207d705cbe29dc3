package io.frontlineguard.memory;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.frontlineguard.memory.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The database behind case memory: a shared PostgreSQL given by {@code quarkus.datasource.*}, or
 * by default a PostgreSQL server the service runs itself with its files under {@code guard.memory.dir}
 * ({@link EmbeddedServer}). Either way the same Flyway migrations bring the schema up to date
 * before the first decision, and a {@link StoreProbe} tells readiness whether it answers now.
 */
final class MemoryDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MemoryDatabase.class);

    private final DataSource data;
    private final EmbeddedServer server;
    private final AgroalDataSource ownPool;
    private final String description;
    private final StoreProbe probe;

    private MemoryDatabase(DataSource data, EmbeddedServer server, AgroalDataSource ownPool, String description) {
        this.server = server;
        this.ownPool = ownPool;
        this.description = description;
        this.probe = new StoreProbe(data);
        this.data = probe.guard(data);
    }

    static MemoryDatabase shared(DataSource pool, String url) {
        return migrated(new MemoryDatabase(pool, null, null, "PostgreSQL at " + url));
    }

    static MemoryDatabase embedded(Path dir, int poolSize, Duration timeout) {
        return embedded(dir, poolSize, 10, timeout);
    }

    /** {@code spare}: connection slots beyond twice the pool's size (guard.memory.spare-connections). */
    static MemoryDatabase embedded(Path dir, int poolSize, int spare, Duration timeout) {
        AtomicReference<AgroalDataSource> pool = new AtomicReference<>();
        // After the watchdog brought the server back, every pooled connection is to the dead one.
        EmbeddedServer server = EmbeddedServer.start(dir, poolSize * 2 + spare, () -> {
            if (pool.get() != null) {
                pool.get().flush(AgroalDataSource.FlushMode.ALL);
            }
        });
        try {
            pool.set(AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(poolSize).acquisitionTimeout(timeout)
                            // A connection that failed fatally (the server went away) leaves the pool at once,
                            // so the first decisions after a restart do not inherit dead connections.
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .validationTimeout(Duration.ofSeconds(30))
                            // A connection idle for a second is checked before a decision gets it: after an
                            // outage none of the dead ones reaches a decision. Busy connections pay nothing.
                            .idleValidationTimeout(Duration.ofSeconds(1))
                            .connectionValidator(AgroalConnectionPoolConfiguration.ConnectionValidator.defaultValidatorWithTimeout(1))
                            .connectionFactoryConfiguration(f -> StoreTimeouts.apply(f, timeout)
                                    .jdbcUrl(server.jdbcUrl())
                                    .principal(new NamePrincipal(server.user()))
                                    .credential(new SimplePassword(server.password()))))));
            return migrated(new MemoryDatabase(pool.get(), server, pool.get(), "embedded PostgreSQL in " + dir));
        } catch (SQLException | RuntimeException e) {
            if (pool.get() != null) {
                pool.get().close();
            }
            server.close();
            throw new IllegalStateException("cannot open the embedded case memory in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static MemoryDatabase migrated(MemoryDatabase db) {
        try {
            var result = Flyway.configure().dataSource(StoreTimeouts.unhurried(db.data)).locations("classpath:db/memory")
                    .table("memory_schema_history").load().migrate();
            LOG.infof("case memory: %s, schema version %s", db.description, result.targetSchemaVersion == null
                    ? "unchanged" : result.targetSchemaVersion);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        db.probe.start();
        return db;
    }

    DataSource data() {
        return data;
    }

    String description() {
        return description;
    }

    /** Whether the store answered its last probe in time; never waits for the store. */
    boolean reachable() {
        return probe.up();
    }

    /** The embedded server, or null for a shared database. */
    EmbeddedServer server() {
        return server;
    }

    /** The embedded server's JDBC URL with the service's credentials; null for a shared database. */
    String embeddedUrl() {
        return server == null ? null : server.jdbcUrl() + "?user=" + server.user() + "&password=" + server.password();
    }

    @Override
    public void close() {
        probe.close();
        if (ownPool != null) {
            ownPool.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
