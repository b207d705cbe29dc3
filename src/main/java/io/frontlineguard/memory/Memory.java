package io.frontlineguard.memory;

import io.agroal.api.AgroalDataSource;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.config.Production;
import io.frontlineguard.decisionlog.PersonalIdMasker;
import io.frontlineguard.incident.PersonIds;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Case memory as the rest of the service uses it: the store, the pseudonyms, and the merge of
 * memory into a request. Opened at start-up, so a store that cannot be opened or migrated stops
 * the service before it answers anyone.
 */
@Startup
@ApplicationScoped
public class Memory {

    private static final Logger LOG = Logger.getLogger(Memory.class);
    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** Batches of decisions' writes in flight at once (group commit, {@link LedgerWriter}). */
    static final int WRITERS = 2;

    private final MemoryDatabase database;
    private final MemoryStore store;
    private final PersonalIdMasker pseudonyms;
    private final java.util.List<PersonalIdMasker> olderPseudonyms;
    private final Recall recall;
    private final NewCallerQuota newCallers;
    private final LedgerWriter writer;

    Memory(GuardConfig config) {
        GuardConfig.Memory settings = config.memory();
        if (!settings.enabled()) {
            LOG.info("case memory is off (guard.memory.enabled=false): every incident is decided from its request alone");
            database = null;
            store = null;
            pseudonyms = null;
            olderPseudonyms = java.util.List.of();
            recall = null;
            newCallers = null;
            writer = null;
            return;
        }
        if (settings.writeQueueCapacity() < 1) {
            throw new IllegalStateException("guard.memory.write-queue-capacity must be at least 1, not "
                    + settings.writeQueueCapacity());
        }
        Optional<String> url = ConfigProvider.getConfig().getOptionalValue(URL_PROPERTY, String.class);
        Optional<Path> dir = url.isPresent() ? Optional.empty() : Optional.of(Path.of(settings.dir()).toAbsolutePath());
        String key = MemoryKey.resolve(settings.hmacKey(), Production.active(), dir);
        database = url.isPresent()
                ? MemoryDatabase.shared(Arc.container().instance(AgroalDataSource.class).get(), url.get())
                : MemoryDatabase.embedded(dir.get(), settings.poolSize(), settings.spareConnections(),
                        settings.timeout());
        try {
            KeyFingerprint.verify(database.data(), key, settings.previousHmacKeys().orElse(java.util.List.of()),
                    database.description());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        store = new MemoryStore(database.data(), Clock.systemUTC(), settings.timeout());
        writer = new LedgerWriter(store::record, settings.timeout(), WRITERS, settings.writeQueueCapacity());
        PersonIds personIds = new PersonIds(settings.phoneRegion());
        pseudonyms = new PersonalIdMasker(key, personIds);
        olderPseudonyms = settings.previousHmacKeys().orElse(java.util.List.of()).stream().map(String::strip)
                .filter(k -> !k.isEmpty() && !k.equals(key)).map(k -> new PersonalIdMasker(k, personIds)).toList();
        recall = new Recall(this::pseudonym);
        newCallers = new NewCallerQuota(settings.newCallersPerMinute(), Clock.systemUTC());
    }

    public boolean enabled() {
        return store != null;
    }

    public MemoryStore store() {
        return store;
    }

    public Recall recall() {
        return recall;
    }

    /**
     * The key a caller or employee id is stored under: {@code hmac:} and the HMAC-SHA256 under the
     * memory key of the id's normalised form, so every spelling of one phone number is one caller.
     */
    public String pseudonym(String id) {
        return id == null ? null : pseudonyms.mask(id);
    }

    /**
     * Every key an id may be stored under, the current one first, then those of the older keys of
     * the ring (guard.memory.previous-hmac-keys), which are read but never written with.
     */
    public java.util.List<String> pseudonyms(String id) {
        if (id == null) {
            return java.util.List.of();
        }
        java.util.List<String> keys = new java.util.ArrayList<>(1 + olderPseudonyms.size());
        keys.add(pseudonyms.mask(id));
        olderPseudonyms.forEach(m -> keys.add(m.mask(id)));
        return keys;
    }

    /**
     * The key a case officer's change is written under: the current one, after moving the caller
     * there from any older key of the ring, so a lift or correction meets all they have.
     */
    public String currentPseudonym(String id) {
        java.util.List<String> keys = pseudonyms(id);
        if (keys.size() > 1) {
            store.rekey(keys.subList(1, keys.size()), keys.get(0));
        }
        return keys.get(0);
    }

    /** Where decisions' writes go: batched with the others waiting, one commit for all. */
    LedgerWriter writer() {
        return writer;
    }

    NewCallerQuota newCallers() {
        return newCallers;
    }

    /** A keyed digest of a whole request, to tell a retry from another request under the same incident id. */
    String digest(String request) {
        return pseudonyms.digest(request);
    }

    /** Whether the store answered its last probe in time; for readiness, which must never wait on the store. */
    public boolean reachable() {
        return database == null || database.reachable();
    }

    /** The server of the embedded store, empty for a shared database or with memory off. */
    Optional<io.frontlineguard.memory.embedded.EmbeddedServer> embeddedServer() {
        return database == null ? Optional.empty() : Optional.ofNullable(database.server());
    }

    /** The store's connections: for tables kept beside memory (approvals) and for tests that inspect what it holds. */
    public javax.sql.DataSource data() {
        return database.data();
    }

    public String description() {
        return database == null ? "off" : database.description();
    }

    @PreDestroy
    void close() {
        if (writer != null) {
            writer.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
