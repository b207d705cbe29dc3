package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.config.Production;
import io.frontlineguard.incident.PersonIds;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The decision log as the application sees it: every decision is handed to the writer, lookups
 * see everything accepted so far, and shutdown waits until all of it is on disk.
 */
@Startup
@ApplicationScoped
public class DecisionLog implements DecisionListener {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    /** What a request thread queues: the decision and the server's clock when it was made. */
    record Pending(Decision decision, long epochMillis, boolean timedOut) {
    }

    private final GuardConfig.DecisionLog config;
    private final String phoneRegion;
    private final MeterRegistry meters;
    private DecisionLogWriter<Pending> writer;
    private Path file;
    private volatile boolean closed;

    DecisionLog(GuardConfig config, MeterRegistry meters) {
        this.config = config.decisionLog();
        this.phoneRegion = config.memory().phoneRegion();
        this.meters = meters;
    }

    @PostConstruct
    void start() {
        boolean enabled = DecisionLogSettings.enabled(config.enabled(), config.hmacKey(),
                Production.active());
        if (enabled) {
            EntryFormatter formatter = new EntryFormatter(new PersonalIdMasker(config.hmacKey().get().strip(),
                    new PersonIds(phoneRegion)));
            LineSink sink = openSink();
            writer = new DecisionLogWriter<>(config.queueCapacity(), config.enqueueTimeout(), sink,
                    p -> formatter.format(p.decision(), p.epochMillis(), p.timedOut()), p -> p.decision().decisionId());
            LOG.infof("decision log: writing to %s", file == null ? "standard output" : file);
        } else if (config.enabled().isEmpty()) {
            LOG.warnf("decision log is OFF: no HMAC key configured. Set %s (env %s) to log every decision",
                    DecisionLogSettings.KEY_PROPERTY, DecisionLogSettings.KEY_ENV);
        } else {
            LOG.info("decision log is off (guard.decision-log.enabled=false)");
        }
        Gauge.builder("guard.decision.log.backlog", this, DecisionLog::backlog)
                .description("Decisions accepted but not yet written to the decision log").register(meters);
        FunctionCounter.builder("guard.decision.log.failures", this, DecisionLog::failures)
                .description("Decisions the decision log could not queue, format or write").register(meters);
        Gauge.builder("guard.decision.log.enabled", this, l -> l.enabled() ? 1 : 0)
                .description("1 when decisions are being logged").register(meters);
    }

    private LineSink openSink() {
        if (config.target() == GuardConfig.DecisionLog.Target.STDOUT) {
            // The raw descriptor, not System.out: entries must not pass through anything that re-encodes or filters lines.
            return new StreamSink(new FileOutputStream(FileDescriptor.out));
        }
        try {
            RotatingFileSink sink = new RotatingFileSink(Path.of(config.path()), config.maxFileSize().asLongValue(),
                    config.keepFiles());
            file = sink.path();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision log " + config.path()
                    + " (guard.decision-log.path)", e);
        }
    }

    /** Whether entries can be looked up here: only a log written to files is. */
    public boolean searchable() {
        return file != null;
    }

    public boolean enabled() {
        return writer != null;
    }

    @Override
    public void decided(Decision decision) {
        if (writer != null) {
            writer.submit(new Pending(decision, System.currentTimeMillis(), false));
        }
    }

    @Override
    public void timedOut(Decision unfinished) {
        if (writer != null) {
            writer.submit(new Pending(unfinished, System.currentTimeMillis(), true));
        }
    }

    /** The logged entry of a decision in the current file, including decisions still queued. */
    public Optional<JsonNode> find(String decisionId) {
        if (writer == null || file == null) {
            return Optional.empty();
        }
        try {
            if (!writer.awaitWritten(Duration.ofSeconds(5))) {
                LOG.warn("decision log: lookup proceeds although the writer is behind by more than 5 s");
            }
            return DecisionLogLookup.find(file, decisionId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log " + file, e);
        }
    }

    /** Waits until every decision accepted so far is written; for lookups and tests. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return writer == null || writer.awaitWritten(timeout);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    double backlog() {
        return writer == null ? 0 : writer.backlog();
    }

    double failures() {
        return writer == null ? 0 : writer.failed();
    }

    void stop(@Observes ShutdownEvent event) {
        close();
    }

    /** Also on bean destruction, for a container that stops without a ShutdownEvent; closing twice is harmless. */
    @PreDestroy
    synchronized void close() {
        if (writer != null && !closed) {
            closed = true;
            writer.close();
            LOG.infof("decision log closed: %d entries written, %d failed", writer.written(), writer.failed());
        }
    }
}
