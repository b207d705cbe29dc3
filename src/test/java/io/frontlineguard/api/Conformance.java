package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import io.frontlineguard.incident.Contract;
import io.restassured.response.Response;
import java.util.List;

/** Checks a real response body against a schema of the published document, naming every mismatch. */
public final class Conformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() {
    }

    public static JsonNode assertConforms(String schema, Response response) {
        return assertConforms(schema, response.asString());
    }

    public static JsonNode assertConforms(String schema, String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        List<Error> errors = Contract.get().validator(schema).validate(node);
        if (!errors.isEmpty()) {
            fail("the body does not conform to " + schema + " in the published document: " + errors + "\n" + body);
        }
        return node;
    }
}
