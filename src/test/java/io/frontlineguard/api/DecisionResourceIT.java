package io.frontlineguard.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests, run against the packaged application. */
@QuarkusIntegrationTest
class DecisionResourceIT extends DecisionResourceTest {
}
