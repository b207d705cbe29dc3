package io.frontlineguard.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link DecisionBenchmark} and prints each benchmark's median, p99 and the ratios to the
 * baselines of the same run: absolute times on a shared machine drift, ratios within one run hold.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        String[] extra = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toArray(String[]::new);
        if (extra.length > 1 && extra[0].equals("postgres")) {
            // src/bench/http/run.sh MEMORY=postgres: a server for the run, until this process is stopped.
            java.nio.file.Path dir = java.nio.file.Path.of(extra[1]);
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                    .setOverrideWorkingDirectory(dir.resolve("server").toFile())
                    // zonky starts postgres with -F (fsync off); a later -c wins, so the limit is a durable one.
                    .setServerConfig("fsync", "on").setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on").start();
            try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
                 var r = s.executeQuery("select current_setting('fsync') || ' ' || current_setting('synchronous_commit')")) {
                r.next();
                java.nio.file.Files.writeString(dir.resolve("durability"), r.getString(1));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (java.io.IOException ignored) {
                    // the run is over either way
                }
            }));
            java.nio.file.Files.writeString(dir.resolve("pid"), String.valueOf(ProcessHandle.current().pid()));
            java.nio.file.Files.writeString(dir.resolve("port"), String.valueOf(server.getPort()));
            Thread.currentThread().join();
        }
        if (extra.length > 2 && extra[0].equals("impact-log")) {
            // src/bench/impact/run.sh: the decision log that guard impact replays.
            ImpactLog.main(Arrays.copyOfRange(extra, 1, extra.length));
            return;
        }
        if (extra.length > 0 && extra[0].equals("replicas")) {
            // src/bench/replicas/run.sh: the replica run, with its -Dreplicas.* settings.
            Arrays.stream(extra).skip(1).filter(a -> a.startsWith("-D") && a.contains("="))
                    .forEach(a -> System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
            io.frontlineguard.bench.replicas.ReplicaRun.main(new String[0]);
            return;
        }
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(extra))
                .include(DecisionBenchmark.class.getSimpleName())
                .forks(2)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx256m", "-Dbench.rules=" + System.getProperty("bench.rules", "rules"),
                        "-Dbench.incident=" + System.getProperty("bench.incident", "src/bench/http/incident.json"))
                .build();
        report(new Runner(options).run());
    }

    private static void report(Collection<RunResult> results) {
        Map<String, Statistics> byName = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getStatistics());
        }
        System.out.printf("%nFrontline Guard in-process benchmark (µs per call, %d cores, Java %s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-24s %10s %10s %10s%n", "benchmark", "median", "p99", "samples");
        byName.forEach((name, s) -> System.out.printf("%-24s %10.2f %10.2f %10d%n",
                name, s.getPercentile(50), s.getPercentile(99), s.getN()));
        Statistics rules = byName.get("decideWithBuiltInRules");
        Statistics none = byName.get("decideWithNoRules");
        Statistics read = byName.get("readRequest");
        if (rules != null && none != null && read != null) {
            double median = rules.getPercentile(50);
            System.out.printf("%nratio built-in rules / no rules (median): %.2f%n", median / none.getPercentile(50));
            System.out.printf("ratio built-in rules / reading the request (median): %.2f%n", median / read.getPercentile(50));
            System.out.printf("target: median ≤ 10 µs per decision -> %s (%.2f µs)%n", median <= 10 ? "MET" : "MISSED", median);
        }
        Statistics hop = byName.get("handOffOnly");
        Statistics within = byName.get("decideWithinDeadline");
        if (hop != null && within != null && rules != null) {
            System.out.printf("ratio with deadline / inline, built-in rules (median): %.2f%n",
                    within.getPercentile(50) / rules.getPercentile(50));
            System.out.printf("ratio hand-off alone / inline built-in rules (median): %.2f%n",
                    hop.getPercentile(50) / rules.getPercentile(50));
        }
        Statistics watched = byName.get("decideWatched");
        if (watched != null && rules != null) {
            System.out.printf("ratio watched on this thread / inline, built-in rules (median): %.2f%n",
                    watched.getPercentile(50) / rules.getPercentile(50));
        }
        Statistics java = byName.get("decideWithJavaConsequences");
        if (java != null && rules != null) {
            System.out.printf("ratio MVEL consequences (the service's) / Java consequences, built-in rules (median): %.2f%n",
                    rules.getPercentile(50) / java.getPercentile(50));
        }
        Statistics model = byName.get("decideWithExecutableModel");
        if (model != null && rules != null && none != null) {
            System.out.printf("ratio executable model / the service's rule base, built-in rules (median): %.2f; executable model / no rules: %.2f%n",
                    model.getPercentile(50) / rules.getPercentile(50), model.getPercentile(50) / none.getPercentile(50));
        }
        Statistics parse = byName.get("parseRequestOnly");
        if (parse != null && read != null) {
            System.out.printf("ratio reading the request / parsing it alone (median): %.2f%n",
                    read.getPercentile(50) / parse.getPercentile(50));
        }
        Statistics heavy = byName.get("decideHttpBenchmarkIncident");
        if (heavy != null && rules != null) {
            System.out.printf("ratio HTTP benchmark incident / scenario mix (median): %.2f%n",
                    heavy.getPercentile(50) / rules.getPercentile(50));
        }
    }
}
