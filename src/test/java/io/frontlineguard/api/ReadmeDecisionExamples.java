package io.frontlineguard.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's decision examples as a reader copies them: each {@code curl … /v1/decisions} with its
 * credential, headers and body, and the README's text about the answer that follows it. One reading
 * for every test that sends them (ReadmeExamplesTest as written, GeneratedJavaClientTest through the
 * generated client).
 */
final class ReadmeDecisionExamples {

    private static final Pattern CURL = Pattern.compile(
            "```bash\\ncurl -s -u (?<user>[^:\\s]+):(?<password>\\S+) localhost:8080/v1/decisions (?<headers>[^\\n]*?) -d '(?<body>\\{(?:(?!```).)*?})'\\n```\\n"
                    + "(?<after>.*?)(?=\\n```bash|\\n#{2,4} )",
            Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("-H '([^:]+): ([^']+)'");

    /** One example: who sends it, its headers but Content-Type, its body, and what the README says next. */
    record Example(int number, String user, String password, Map<String, String> headers, String body, String after) {
    }

    private ReadmeDecisionExamples() {
    }

    static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    static List<Example> all() throws IOException {
        List<Example> examples = new ArrayList<>();
        Matcher m = CURL.matcher(readme());
        while (m.find()) {
            Map<String, String> headers = new LinkedHashMap<>();
            Matcher h = HEADER.matcher(m.group("headers"));
            while (h.find()) {
                if (!h.group(1).equalsIgnoreCase("Content-Type")) {
                    headers.put(h.group(1), h.group(2));
                }
            }
            examples.add(new Example(examples.size() + 1, m.group("user"), m.group("password"), headers, m.group("body"),
                    m.group("after")));
        }
        return examples;
    }
}
