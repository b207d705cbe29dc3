package io.frontlineguard.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Frontline Guard's own settings, under the {@code guard.} prefix. */
@ConfigMapping(prefix = "guard")
public interface GuardConfig {

    Rules rules();

    Decisions decision();

    Admin admin();

    Security security();

    DecisionLog decisionLog();

    Http http();

    Memory memory();

    Bench bench();

    Impact impact();

    /** The impact replay of the console's page over the service's own decision log (README "guard impact"). */
    interface Impact {
        /** At most this many logged decisions of the period are replayed per request: the first ones, oldest first. */
        @WithDefault("20000")
        int maxDecisions();

        /** The threads one replay decides on; the rest of the machine keeps deciding live incidents. */
        @WithDefault("1")
        int threads();
    }

    interface Rules {
        /** The rules folder: DRL files, thresholds.yaml and scenarios. Relative to the working directory. */
        @WithDefault("rules")
        String dir();

        /** Whether the service polls the rules folder and reloads when its content changes. */
        @WithDefault("true")
        boolean watch();

        /** How often the watcher compares the folder's content with what is in force. */
        @WithDefault("500ms")
        Duration watchInterval();

        /**
         * How long one scenario may take while a rule set is verified (start-up, reload, guard test).
         * Longer than a decision's deadline: the first evaluations of a new rule base build its
         * node memories and compile its constraints.
         */
        @WithDefault("2s")
        Duration scenarioDeadline();

        /** How long verifying a whole folder (lint, compile, every scenario) may take before it is refused. */
        @WithDefault("60s")
        Duration verifyTimeout();
    }

    interface Decisions {
        /** How long the rules may take for one incident; past it the request gets 503 DECISION_TIMEOUT. */
        @WithDefault("50ms")
        Duration deadline();

        /** Evaluations still running past their deadline at which liveness reports DOWN. */
        @WithDefault("4")
        int maxOverdue();
    }

    interface Admin {
        /** Whether the admin endpoints under /v1/admin exist; when they do, a credential for them is required in production. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Security {
        /** Users known to the built-in identity provider, by user name. */
        Map<String, User> users();

        /**
         * The departments a request without credentials may speak for, where the decisions
         * permission lets such requests through at all (the test profile). Unset: none.
         * Production refuses to start with it set.
         */
        Optional<List<String>> anonymousDepartments();

        Jwt jwt();

        CredentialCache credentialCache();

        TokenCache tokenCache();

        PasswordChecks passwordChecks();

        Throttle throttle();
    }

    interface Jwt {
        /** The token claim naming the departments a calling system may speak for: an array, or one comma-separated string. */
        @WithDefault("departments")
        String departmentsClaim();
    }

    interface CredentialCache {
        /** How long a verified Basic credential (or bearer token, within its expiry) is accepted without checking it again. */
        @WithDefault("10m")
        Duration ttl();
    }

    interface TokenCache {
        /** Verified bearer tokens remembered at most; the least recently used is forgotten first. */
        @WithDefault("10000")
        int maxEntries();
    }

    interface PasswordChecks {
        /** Threads that hash passwords of credentials not in the cache; decisions never wait for them. */
        @WithDefault("1")
        int threads();

        /** Password checks waiting for a thread; past it a request gets 503 CREDENTIAL_CHECK_BUSY. */
        @WithDefault("16")
        int queue();
    }

    interface Throttle {
        /** Failed sign-ins (wrong password, bad token) per user name or client address within the window before 429. */
        @WithDefault("10")
        int maxFailures();

        /** The window failures are counted in; a throttled user or address waits until it ends. */
        @WithDefault("1m")
        Duration window();

        /** User names and client addresses remembered at most, each; the least recently failed is forgotten first. */
        @WithDefault("10000")
        int maxTracked();
    }

    interface User {
        /** PBKDF2 hash of the password, as printed by {@code io.frontlineguard.security.PasswordHash}. */
        String passwordHash();

        /** Roles granted to the user, e.g. {@code admin} or {@code decider}. */
        Optional<List<String>> roles();

        /** The departments this calling system may speak for; {@code *} for all. Unset: none. */
        Optional<List<String>> departments();
    }

    /** The JSON-lines audit log of every decision; see {@code io.frontlineguard.decisionlog}. */
    interface DecisionLog {
        /**
         * Unset: the log is written exactly when an HMAC key is configured. {@code true}: a key is
         * required and start-up fails without one. {@code false}: nothing is written.
         */
        Optional<Boolean> enabled();

        /**
         * {@code file}: the rotated files under {@code path}, searchable by {@code GET /v1/decisions/{id}}.
         * {@code stdout}: one JSON line per entry on standard output, for a cluster's log pipeline;
         * set {@code quarkus.log.console.stderr=true} with it so stdout carries entries only.
         */
        @WithDefault("file")
        Target target();

        enum Target {
            FILE, STDOUT
        }

        /** The current log file; rotated files get {@code .1}, {@code .2}, … appended. */
        @WithDefault("decisions.jsonl")
        String path();

        /** The current file is rotated before it would grow past this size. */
        @WithDefault("64M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxFileSize();

        /** How many rotated files are kept besides the current one. */
        @WithDefault("5")
        int keepFiles();

        /** Decisions accepted but not yet written; a full queue applies back-pressure to requests. */
        @WithDefault("10000")
        int queueCapacity();

        /** How long a request waits for room in a full queue before its entry is counted as failed. */
        @WithDefault("100ms")
        Duration enqueueTimeout();

        /** The secret that keys the HMAC-SHA256 replacing personal identifiers; at least 32 characters. */
        Optional<String> hmacKey();
    }

    interface Http {
        /** Largest body of any request except the batch endpoint (the single-decision limit). */
        @WithDefault("256K")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();

        /** Largest body of {@code POST /v1/decisions:batch}. */
        @WithDefault("4M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBatchBodySize();
    }

    /** Case memory: what the service remembers of callers and cases (README "Case memory"). */
    interface Memory {
        /** Off: every incident is decided from its request alone and nothing is stored. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Where the embedded store keeps its files, relative to the working directory. Used when
         * {@code quarkus.datasource.jdbc.url} is not set; with it, the shared PostgreSQL is used.
         */
        @WithDefault("data")
        String dir();

        /** Records untouched for this long are purged; the default is two years. */
        @WithDefault("730d")
        Duration retention();

        /** How often the retention purge runs. */
        @WithDefault("1h")
        Duration purgeEvery();

        /** How long a decision waits for the database before it answers 503 MEMORY_UNAVAILABLE. */
        @WithDefault("2s")
        Duration timeout();

        /** Connections of the embedded store's pool (a shared PostgreSQL uses quarkus.datasource.jdbc.max-size). */
        @WithDefault("16")
        int poolSize();

        /**
         * Connection slots the embedded server keeps beyond twice its pool (the pool's connections
         * and, across a restart of the server, the ones being replaced): for an operator's psql, or
         * a benchmark's pgbench run beside the idle service (src/bench/http/run.sh raises it).
         */
        @WithDefault("10")
        int spareConnections();

        /**
         * Where a phone number written without a country code is (ISO 3166 code): caller and
         * employee ids that are phone numbers are pseudonymised in their E.164 form, so every
         * spelling of one number is one person (incident.PersonIds). Also used by the decision log.
         */
        @WithDefault("JP")
        String phoneRegion();

        /** The secret keying the HMAC pseudonyms of caller and employee ids; at least 32 characters. */
        Optional<String> hmacKey();

        /**
         * Keys memory was written under before the current one (comma-separated), while rotating:
         * read, never written with. Start-up accepts a store whose recorded key fingerprint matches one.
         */
        Optional<List<String>> previousHmacKeys();

        /**
         * How long the embedded PostgreSQL may stay down (its watchdog restarting it) before liveness
         * goes DOWN, so that an orchestrator restarts the service.
         */
        @WithDefault("15s")
        Duration serverDownLimit();

        /**
         * Decisions' writes waiting for the store, not yet in a batch; when that many wait, a
         * decision is refused with 503 MEMORY_UNAVAILABLE at once rather than wait behind them.
         */
        @WithDefault("1000")
        int writeQueueCapacity();

        /** New callers one calling system may bring into memory per minute; beyond it, 429 NEW_CALLER_QUOTA_EXCEEDED. */
        @WithDefault("60000")
        int newCallersPerMinute();
    }

    /** Benchmark support; see docs/benchmarks.md. */
    interface Bench {
        /** Whether {@code POST /bench/baseline} answers; only the bench profile turns it on. */
        @WithDefault("false")
        boolean baseline();
    }
}
