package io.frontlineguard.bench.replicas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Several instances, one memory (README "Case memory", docs/replicas.md): starts a PostgreSQL
 * server and three instances of the packaged jar on it, sends decisions for a few hundred callers
 * and cases through all three at once (some of them retries), then checks what the shared store
 * holds: every distinct incident counted once per case, every block decided through any instance
 * in force on every instance, and no request answered with an error. Prints a Markdown summary
 * and exits 1 if a check fails. Run it with src/bench/replicas/run.sh.
 */
public final class ReplicaRun {

    private static final Path OUT = Path.of("target/replicas").toAbsolutePath();

    private final int instances = Integer.getInteger("replicas.instances", 3);
    private final int decisions = Integer.getInteger("replicas.decisions", 20_000);
    private final int callers = Integer.getInteger("replicas.callers", 200);
    private final int cases = Integer.getInteger("replicas.cases", 500);
    private final int concurrency = Integer.getInteger("replicas.concurrency", 32);
    private final int firstPort = Integer.getInteger("replicas.port", 18091);
    private final String heap = System.getProperty("replicas.heap", "256m");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> running = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        System.exit(new ReplicaRun().run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        deleteTree(OUT);
        Files.createDirectories(OUT);
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(OUT.resolve("postgres"))
                .setOverrideWorkingDirectory(OUT.resolve("server").toFile()).start()) {
            String url = "jdbc:postgresql://localhost:" + db.getPort() + "/postgres";
            try {
                String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
                for (int i = 0; i < instances; i++) {
                    start(i, url, key);
                }
                for (int i = 0; i < instances; i++) {
                    awaitReady(i);
                }
                return load(url);
            } finally {
                running.forEach(Process::destroy);
                for (Process p : running) {
                    p.waitFor();
                }
            }
        }
    }

    /** The bench profile's calling system, bench / bench-profile-only (application.properties). */
    private static final String BENCH_PASSWORD_HASH =
            "pbkdf2-sha256:210000:pqxgtDG5VM7qEeRRnr638w:x03D1K6xQT3x9IyZwswphANRq2UnvkoLTKK/yE6VtKE";
    private static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("bench:bench-profile-only".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private void start(int i, String url, String key) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx" + heap, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(OUT.resolve("instance-" + i + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(firstPort + i));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "trust-auth-ignores-it");
        env.put("GUARD_MEMORY_HMAC_KEY", key);
        env.put("GUARD_RULES_WATCH", "false");
        // Production decides only for calling systems: the bench profile's published one.
        env.put("GUARD_SECURITY_USERS_BENCH_PASSWORD_HASH", BENCH_PASSWORD_HASH);
        env.put("GUARD_SECURITY_USERS_BENCH_ROLES", "decider");
        env.put("GUARD_SECURITY_USERS_BENCH_DEPARTMENTS", "*");
        // Three services, PostgreSQL and the load share the machine's cores; the 50 ms rule deadline
        // would measure CPU starvation here, not the store, so the run gives the rules more room.
        env.put("GUARD_DECISION_DEADLINE", System.getProperty("replicas.deadline", "2s"));
        running.add(pb.start());
    }

    private void awaitReady(int i) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!running.get(i).isAlive()) {
                throw new IllegalStateException("instance " + i + " died while starting; see " + OUT.resolve("instance-" + i + ".log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base(i).resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance " + i + " was not ready within 180 s");
    }

    private URI base(int i) {
        return URI.create("http://127.0.0.1:" + (firstPort + i));
    }

    /** Incident n: case n % cases, whose caller is fixed; every 50th is sent twice (a client retry). */
    private String incident(int n) {
        int caseNo = n % cases;
        int caller = caseNo % callers;
        // One contact of every tenth caller is stalking, which the rules answer with BLOCK_CALLER.
        boolean stalking = caller % 10 == 0 && n / cases == 3;
        return "{\"incidentId\": \"R-" + n + "\", \"caseId\": \"case-" + caseNo + "\", \"occurredAt\": \""
                + OffsetDateTime.parse("2026-01-01T09:00:00+09:00").plusMinutes(n) + "\", \"channel\": \"PHONE\","
                + " \"department\": \"dept-" + (n % 4) + "\", \"caller\": {\"callerId\": \"caller-" + caller + "\"},"
                + " \"conduct\": [" + (stalking ? "\"STALKING\"" : "") + "]}";
    }

    private boolean load(String url) throws Exception {
        List<Integer> sends = new ArrayList<>();
        for (int n = 0; n < decisions; n++) {
            sends.add(n);
            if (n % 50 == 49) {
                sends.add(n);
            }
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        java.util.Set<String> blockedByDecision = ConcurrentHashMap.newKeySet();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[sends.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < sends.size(); k++) {
            int slot = k;
            int n = sends.get(k);
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = post(slot % instances, "/v1/decisions", incident(n));
                latencies[slot] = System.nanoTime() - t0;
                int status = answer.statusCode();
                if (answer.body().contains("\"code\":\"BLOCK_CALLER\"")) {
                    blockedByDecision.add("caller-" + (n % cases) % callers);
                }
                statuses.merge(status, 1, Integer::sum);
                if (status != 200) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        Map<String, Integer> stored = new HashMap<>();
        int blockedInStore;
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("select case_id, count(*) from memory_contact group by case_id")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getInt(2));
            }
            blockedInStore = count(c, "select count(*) from memory_caller where facts->'blocked' is not null"
                    + " and jsonb_typeof(facts->'blocked') = 'object'");
        }
        Map<String, Integer> sent = new HashMap<>();
        for (int n = 0; n < decisions; n++) {
            sent.merge("case-" + (n % cases), 1, Integer::sum);
        }
        List<String> wrongCounts = new TreeSet<>(sent.keySet()).stream()
                .filter(k -> !sent.get(k).equals(stored.get(k))).toList();

        // Every caller a decision blocked, through whichever instance, must be blocked on every instance.
        int blockedCallers = blockedByDecision.size();
        List<String> unseenBlocks = new ArrayList<>();
        for (String caller : new TreeSet<>(blockedByDecision)) {
            for (int i = 0; i < instances; i++) {
                String body = post(i, "/v1/decisions?record=false", "{\"occurredAt\": \"2026-12-01T10:00:00+09:00\","
                        + " \"channel\": \"PHONE\", \"department\": \"hq\", \"caller\": {\"callerId\": \"" + caller + "\"}}").body();
                if (!body.contains("\"fact\":\"caller.blocked\"") || !body.contains("\"NO_APOLOGY\"")) {
                    unseenBlocks.add(caller + " on instance " + i);
                }
            }
        }
        Arrays.sort(latencies);
        boolean ok = errors.get() == 0 && wrongCounts.isEmpty() && unseenBlocks.isEmpty() && blockedInStore == blockedCallers;
        System.out.printf("%n## Replica run, %s, %d cores%n%n", OffsetDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors());
        System.out.printf("| instances | decisions sent (retries) | callers | cases | concurrency | seconds | decisions/s | p50 ms | p99 ms | errors |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d (%d) | %d | %d | %d | %.1f | %.0f | %.1f | %.1f | %d |%n%n", instances, sends.size(),
                sends.size() - decisions, callers, cases, concurrency, seconds, sends.size() / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, errors.get());
        System.out.printf("- statuses: %s%n", new java.util.TreeMap<>(statuses));
        System.out.printf("- stored contacts equal the distinct incident ids sent, for all %d cases: %s%s%n", cases,
                wrongCounts.isEmpty() ? "yes" : "NO", wrongCounts.isEmpty() ? "" : " (" + wrongCounts.size() + " differ, e.g. "
                        + wrongCounts.get(0) + ": sent " + sent.get(wrongCounts.get(0)) + ", stored " + stored.get(wrongCounts.get(0)) + ")");
        System.out.printf("- callers blocked by a decision: %d; blocked in the store: %d%n", blockedCallers, blockedInStore);
        System.out.printf("- every block seen by every instance: %s%s%n", unseenBlocks.isEmpty() ? "yes" : "NO",
                unseenBlocks.isEmpty() ? "" : " " + unseenBlocks);
        System.out.printf("- result: %s%n", ok ? "PASS" : "FAIL");
        return ok;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private HttpResponse<String> post(int instance, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base(instance).resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", AUTHORIZATION)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
