package io.frontlineguard.memory;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;

/** Case memory on the default store: the PostgreSQL server the service runs itself, files under guard.memory.dir. */
@QuarkusTest
class EmbeddedMemoryTest extends CaseMemoryContract {

    @Override
    Path storeFiles() {
        return Path.of("target/memory-test/postgres");
    }
}
