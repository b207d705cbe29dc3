package io.frontlineguard.memory;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service as one of several instances: case memory on a PostgreSQL server of its own. */
public class SharedPostgresProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresServer.class));
    }
}
