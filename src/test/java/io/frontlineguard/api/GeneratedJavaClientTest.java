package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.frontlineguard.client.ApiClient;
import io.frontlineguard.client.api.DecisionsApi;
import io.frontlineguard.client.model.Action;
import io.frontlineguard.client.model.Decision;
import io.frontlineguard.client.model.Demand;
import io.frontlineguard.client.model.Incident;
import io.frontlineguard.client.model.Overridden;
import io.frontlineguard.client.model.Replacement;
import io.frontlineguard.client.model.TwoPersonAttendanceAction;
import io.frontlineguard.incident.Contract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java client openapi-generator makes from the contract (the build generates it into
 * target/openapi-client and compiles it with the tests), used as an integrator would: every README
 * decision example is read into the client's typed Incident and sent through it, and the answer is
 * read back into typed classes with nothing left over. A contract generators misread fails here:
 * a demand that is only its type, params that are a map, a count that arrives as 3.0.
 */
@QuarkusTest
class GeneratedJavaClientTest {

    private static final Path CONTRACT = Path.of("src/main/resources/META-INF/openapi.yaml");
    private static final String MODELS = "io.frontlineguard.client.model.";
    private static final Pattern MIN_PEOPLE_IN_PROSE = Pattern.compile("`REQUIRE_TWO_PERSON_ATTENDANCE` \\((\\d+)\\)");

    /** The client's own mapping, but refusing any field its classes do not have, in the request and the answer. */
    private static final ObjectMapper STRICT = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Contract contract = Contract.get();

    @TestHTTPResource("/")
    URL service;

    /** The client is generated from the file at build time; the running service must serve that very document. */
    @Test
    void shouldServeTheDocumentTheClientIsGeneratedFrom() throws Exception {
        JsonNode served = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode written = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());

        assertEquals(written, served);
    }

    @Test
    void shouldSendEveryReadmeExampleThroughTheGeneratedClient() throws Exception {
        List<ReadmeDecisionExamples.Example> examples = ReadmeDecisionExamples.all();
        assertTrue(examples.size() >= 5, "the README's decision examples are found: " + examples.size());
        boolean twoPeopleShown = false;
        for (ReadmeDecisionExamples.Example example : examples) {
            // Every field of the example has a typed home in the client's Incident.
            Incident incident = STRICT.readValue(example.body(), Incident.class);
            for (Demand demand : incident.getDemands()) {
                assertVariant("Demand", "getType", demand.getActualInstance());
            }

            Decision decision = new DecisionsApi(client(example)).decide(incident, example.headers().get("Accept-Language"));

            for (Action action : decision.getActions()) {
                assertVariant("Action", "getCode", action.getActualInstance());
                assertIntegerParams(action.getActualInstance());
            }
            for (Overridden overridden : decision.getOverridden()) {
                assertVariant("Overridden", "getCode", overridden.getActualInstance());
                Replacement replacedBy = call(overridden.getActualInstance(), "getReplacedBy");
                assertVariant("Replacement", "getCode", replacedBy.getActualInstance());
            }
            Matcher shown = MIN_PEOPLE_IN_PROSE.matcher(example.after());
            if (shown.find()) {
                twoPeopleShown = true;
                assertEquals(List.of(Integer.valueOf(shown.group(1))), minPeople(decision), "example " + example.number());
            }
        }
        assertTrue(twoPeopleShown, "an example states the number of people to send");
    }

    private ApiClient client(ReadmeDecisionExamples.Example example) {
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), STRICT,
                service.toString().replaceFirst("/$", ""));
        String credential = Base64.getEncoder().encodeToString(
                (example.user() + ":" + example.password()).getBytes(StandardCharsets.UTF_8));
        return client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credential));
    }

    private static List<Integer> minPeople(Decision decision) {
        List<Integer> found = new ArrayList<>();
        for (Action action : decision.getActions()) {
            if (action.getActualInstance() instanceof TwoPersonAttendanceAction twoPeople) {
                found.add(twoPeople.getParams().getMinPeople());
            }
        }
        return found;
    }

    /** The object is of the generated class the contract's discriminator names for its type or code. */
    private void assertVariant(String union, String discriminator, Object variant) throws Exception {
        String value = call(variant, discriminator).toString();
        String ref = contract.schema(union).path("discriminator").path("mapping").path(value).asText();
        assertEquals(Class.forName(MODELS + ref.substring(ref.lastIndexOf('/') + 1)), variant.getClass(), union + " " + value);
    }

    /** Each param the contract types as an integer is a Java Integer, never a Double. */
    private void assertIntegerParams(Object action) throws Exception {
        String code = call(action, "getCode").toString();
        String ref = contract.schema("Action").path("discriminator").path("mapping").path(code).asText();
        JsonNode params = contract.resolve(contract.at(ref.substring(1)).path("properties").path("params"));
        Object typed = call(action, "getParams");
        for (Map.Entry<String, JsonNode> p : iterable(params.path("properties"))) {
            if ("integer".equals(p.getValue().path("type").asText())) {
                String getter = "get" + Character.toUpperCase(p.getKey().charAt(0)) + p.getKey().substring(1);
                assertInstanceOf(Integer.class, call(typed, getter), code + " " + p.getKey());
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(Object target, String getter) throws Exception {
        return (T) target.getClass().getMethod(getter).invoke(target);
    }
}
