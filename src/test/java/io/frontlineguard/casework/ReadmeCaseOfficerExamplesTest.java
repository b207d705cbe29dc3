package io.frontlineguard.casework;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's case-officer examples, run in order as written, with the dev users they name: the
 * flag, the lift asked for (202), the approvals listed, the approval by exec (200), the late
 * rejection (409, it was approved), the erasure. The caller id is replaced by a fresh one, and the
 * elided approval id by the one the lift answered, so the examples run against any store.
 */
@QuarkusTest
class ReadmeCaseOfficerExamplesTest {

    private static final Pattern CURL = Pattern.compile("curl -s -u (\\w+):(\\S+)(?: -X (\\w+))? '?(localhost:8080\\S*?)'?"
            + "(?: -H '([^:]+): ([^']+)')?(?: -d '([^']*)')?(?:\\s+#.*)?$");

    record Example(String user, String password, String method, String path, String body) {
    }

    static List<Example> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n### Case officers\n");
        String section = readme.substring(start, readme.indexOf("\n### ", start + 1));
        String block = section.substring(section.indexOf("```bash\n") + 8, section.indexOf("\n```", section.indexOf("```bash")));
        List<Example> found = new ArrayList<>();
        for (String line : block.replace("\\\n", " ").split("\n")) {
            if (!line.startsWith("curl")) {
                continue;
            }
            Matcher m = CURL.matcher(line.replaceAll("\\s+", " ").strip());
            assertTrue(m.matches(), "a README example this test cannot read: " + line);
            String method = m.group(3) != null ? m.group(3) : m.group(7) != null ? "POST" : "GET";
            found.add(new Example(m.group(1), m.group(2), method, m.group(4).substring("localhost:8080".length()), m.group(7)));
        }
        return found;
    }

    @Test
    void shouldRunEveryCaseOfficerExampleAsTheReadmeTellsIt() throws IOException {
        List<Example> examples = examples();
        String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String callerId = "+81-90-" + digits.substring(0, 4) + "-" + digits.substring(4);
        String approval = null;
        List<String> seen = new ArrayList<>();
        for (Example e : examples) {
            String path = e.path().replace("+81-90-0000-0000", callerId);
            if (approval != null) {
                path = path.replace("6f1c…", approval);
            }
            RequestSpecification request = given().auth().preemptive().basic(e.user(), e.password());
            if (e.body() != null) {
                request = request.contentType("application/json").body(e.body());
            }
            int query = path.indexOf('?');
            if (query > 0) {
                for (String p : path.substring(query + 1).split("&")) {
                    String[] kv = p.split("=", 2);
                    request = request.queryParam(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                path = path.substring(0, query);
            }
            Response answer = request.request(e.method(), path);
            seen.add(e.method() + " " + e.path() + " " + answer.statusCode());
            if (path.endsWith("/block/lift")) {
                assertEquals(202, answer.statusCode(), answer.asString());
                approval = answer.path("id");
            }
        }
        assertEquals(List.of(
                "GET /v1/callers/+81-90-0000-0000 404",
                "POST /v1/callers/+81-90-0000-0000/flags 200",
                "POST /v1/callers/+81-90-0000-0000/corrections 200",
                "POST /v1/callers/+81-90-0000-0000/block/lift 202",
                "GET /v1/approvals 200",
                "POST /v1/approvals/6f1c…/approve 200",
                "POST /v1/approvals/6f1c…/reject 409",
                "DELETE /v1/callers/+81-90-0000-0000?reason=data-protection%20request%20DP-77 200"), seen);
    }
}
