package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.Resolution;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's decision log from first decision to shutdown, without a server. */
class DecisionLogShutdownTest {

    private static final String KEY = "a-test-secret-that-is-long-enough-0123456789";

    @TempDir
    Path dir;

    @Test
    void shouldHaveEveryDecisionOnDiskWhenShutdownReturns() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DecisionLog log = new DecisionLog(config(file, 100_000), meters);
        log.start();
        Incident incident = new IncidentReader().read(IncidentReader.parse("""
                {"incidentId": "SHUT", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "call-center", "caller": {"callerId": "tel:0120-000-111"}}
                """.getBytes(StandardCharsets.UTF_8)));
        Evaluation nothing = new Evaluation(List.of(), List.of(), new Resolution(List.of(), List.of()), 1_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = "00000000-0000-0000-0000-%012d".formatted(i);
            ids.add(id);
            log.decided(new Decision(id, incident, "sha256:test", nothing));
        }

        log.stop(null); // what Quarkus' ShutdownEvent does

        List<String> lines = Files.readAllLines(file);
        assertEquals(20_000, lines.size(), "every accepted decision is in the file");
        ObjectMapper json = new ObjectMapper();
        Set<String> logged = new HashSet<>();
        for (String line : lines) {
            JsonNode e = json.readTree(line);
            logged.add(e.get("decisionId").asText());
            assertTrue(e.at("/request/caller/callerId").asText().startsWith("hmac:"));
        }
        assertEquals(ids, logged);
        assertFalse(Files.readString(file).contains("0120-000-111"));
        assertEquals(0.0, meters.get("guard.decision.log.failures").functionCounter().count());
        assertEquals(0.0, meters.get("guard.decision.log.backlog").gauge().value());
    }

    @Test
    void shouldCountAndReportDecisionsItCouldNotQueue() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // A one-place queue and no waiting: a burst cannot all fit.
        DecisionLog log = new DecisionLog(config(dir.resolve("tiny.jsonl"), 1), meters);
        log.start();
        Incident incident = new IncidentReader().read(IncidentReader.parse("""
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "x"}
                """.getBytes(StandardCharsets.UTF_8)));
        Evaluation nothing = new Evaluation(List.of(), List.of(), new Resolution(List.of(), List.of()), 1_000);
        for (int i = 0; i < 5_000; i++) {
            log.decided(new Decision("00000000-0000-0000-0000-%012d".formatted(i), incident, "v", nothing));
        }
        log.stop(null);
        long written = Files.readAllLines(dir.resolve("tiny.jsonl")).size();
        double failed = meters.get("guard.decision.log.failures").functionCounter().count();
        assertTrue(failed > 0, "a burst into a one-place queue must overflow");
        assertEquals(5_000, written + (long) failed, "every decision is either written or counted");
    }

    private static GuardConfig config(Path file, int capacity) {
        GuardConfig.DecisionLog log = new GuardConfig.DecisionLog() {
            public Optional<Boolean> enabled() {
                return Optional.of(true);
            }

            public Target target() {
                return Target.FILE;
            }

            public String path() {
                return file.toString();
            }

            public MemorySize maxFileSize() {
                return new MemorySize(java.math.BigInteger.valueOf(1L << 30));
            }

            public int keepFiles() {
                return 1;
            }

            public int queueCapacity() {
                return capacity;
            }

            public Duration enqueueTimeout() {
                return capacity == 1 ? Duration.ZERO : Duration.ofSeconds(5);
            }

            public Optional<String> hmacKey() {
                return Optional.of(KEY);
            }
        };
        return new GuardConfig() {
            public Rules rules() {
                throw new UnsupportedOperationException();
            }

            public Decisions decision() {
                throw new UnsupportedOperationException();
            }

            public Admin admin() {
                throw new UnsupportedOperationException();
            }

            public Security security() {
                throw new UnsupportedOperationException();
            }

            public DecisionLog decisionLog() {
                return log;
            }

            public Http http() {
                throw new UnsupportedOperationException();
            }

            public Bench bench() {
                throw new UnsupportedOperationException();
            }

            public Impact impact() {
                throw new UnsupportedOperationException();
            }

            public Memory memory() {
                // The log reads only where phone numbers are, to mask every spelling of one alike.
                return (Memory) java.lang.reflect.Proxy.newProxyInstance(Memory.class.getClassLoader(),
                        new Class<?>[] {Memory.class}, (proxy, method, args) -> {
                            if (method.getName().equals("phoneRegion")) {
                                return "JP";
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
            }
        };
    }
}
