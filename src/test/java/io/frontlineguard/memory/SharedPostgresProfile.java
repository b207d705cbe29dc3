package io.frontlineguard.memory;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service as one of several instances: case memory on a PostgreSQL server of its own. */
public class SharedPostgresProfile implements QuarkusTestProfile {

    /** A short wait for the database, so that the outage test's refusals come quickly. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("guard.memory.timeout", "500ms",
                // The driver's timeouts are whole seconds; application.properties sets 2 for the default 2 s.
                "quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "1",
                "quarkus.datasource.jdbc.additional-jdbc-properties.loginTimeout", "1",
                "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresServer.class));
    }
}
