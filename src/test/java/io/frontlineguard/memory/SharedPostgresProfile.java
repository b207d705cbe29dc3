package io.frontlineguard.memory;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service as one of several instances: case memory on a PostgreSQL server of its own. */
public class SharedPostgresProfile implements QuarkusTestProfile {

    /** A short wait for the database, so that the outage test's refusals come quickly. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("guard.memory.timeout", "500ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresServer.class));
    }
}
