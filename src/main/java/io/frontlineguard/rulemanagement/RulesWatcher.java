package io.frontlineguard.rulemanagement;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the rules folder every {@code guard.rules.watch-interval} and reloads when its content
 * differs from what was last tried. Polling a content hash, rather than listening for file
 * events, also works on network and container-mounted folders and cannot miss an event; it
 * never retries content that already failed. Runs on its own daemon thread, stopped on shutdown.
 */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final RuleReloader reloader;
    private final GuardConfig config;
    private ScheduledExecutorService poller;

    RulesWatcher(RuleReloader reloader, GuardConfig config) {
        this.reloader = reloader;
        this.config = config;
    }

    void start(@Observes StartupEvent e) {
        if (!config.rules().watch()) {
            LOG.info("rules folder watching is off (guard.rules.watch=false); reload with POST /v1/admin/rules/reload");
            return;
        }
        Duration every = config.rules().watchInterval();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guard-rules-watcher");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("watching %s for rule changes every %d ms", config.rules().dir(), every.toMillis());
    }

    void stop(@Observes ShutdownEvent e) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void poll() {
        try {
            reloader.reloadIfChanged("watch");
        } catch (RuntimeException ex) {
            // A scheduled task that throws is never run again; keep watching whatever happens.
            LOG.error("rules watcher poll failed", ex);
        }
    }
}
