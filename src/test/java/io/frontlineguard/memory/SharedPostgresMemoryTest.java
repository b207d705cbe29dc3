package io.frontlineguard.memory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;

/** Case memory on a shared PostgreSQL reached through quarkus.datasource.*, as several instances use it. */
@QuarkusTest
@TestProfile(SharedPostgresProfile.class)
class SharedPostgresMemoryTest extends CaseMemoryContract {

    @Override
    Path storeFiles() {
        return PostgresServer.DATA.resolve("data");
    }
}
