package io.frontlineguard.bench;

import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decisionlog.EntryFormatter;
import io.frontlineguard.decisionlog.PersonalIdMasker;
import io.frontlineguard.decisionlog.RotatingFileSink;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a decision log of {@code count} entries for the impact benchmark (src/bench/impact/run.sh):
 * the scenario incidents of the rules folder in turn, each with its own incident id and one of five
 * departments, decided under those rules and formatted by the service's own {@link EntryFormatter},
 * spread evenly over the last 29 days so that the default {@code --since 30d} takes them all.
 */
public final class ImpactLog {

    private static final List<String> DEPARTMENTS = List.of("sales", "call-center", "hq-consultation", "billing", "field");

    private ImpactLog() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path rulesDir = Path.of(args.length > 2 ? args[2] : "rules");
        RuleSet rules = new VerifiedRules(Clock.systemUTC()).compile(rulesDir);
        IncidentReader reader = new IncidentReader();
        List<Incident> incidents = new ArrayList<>();
        for (Scenario s : ScenarioLoader.load(FolderSnapshot.read(rulesDir))) {
            incidents.add(s.facts(reader.read(s.incident())));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        EntryFormatter formatter = new EntryFormatter(new PersonalIdMasker(
                "frontline-guard-bench-profile-key-published-not-secret"));
        DecisionEngine engine = new DecisionEngine();
        long now = System.currentTimeMillis();
        long step = Duration.ofDays(29).toMillis() / count;
        try (RotatingFileSink sink = new RotatingFileSink(file, Long.MAX_VALUE, 0)) {
            List<String> batch = new ArrayList<>(1024);
            for (int i = 0; i < count; i++) {
                Incident s = incidents.get(i % incidents.size());
                Incident incident = new Incident("B-" + i, s.occurredAt(), s.channel(), DEPARTMENTS.get(i % DEPARTMENTS.size()),
                        s.caller(), s.conduct(), s.demands(), s.caseHistory(), s.handler(), s.caseId(), s.contactMinutes());
                Decision d = new Decision(UUID.randomUUID().toString(), incident, rules.version(),
                        engine.evaluate(rules, incident));
                batch.add(formatter.format(d, now - (long) (count - i) * step, false));
                if (batch.size() == 1024) {
                    sink.write(batch);
                    batch.clear();
                }
            }
            sink.write(batch);
        }
        System.out.printf("%d entries (%d scenario incidents in turn) written to %s, %d MiB%n", count, incidents.size(),
                file, Files.size(file) >> 20);
    }
}
