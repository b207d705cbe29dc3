package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    /** Nine levels of ten aliases each: a few hundred bytes that expand to a billion values. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void shouldRefuseAFileWhoseAliasesExpandBeyondTheLimitQuickly() {
        RuleSetException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RuleSetException.class, () -> YamlTree.parse("lessons.yaml", aliasBomb())));
        String message = refused.getMessage();
        assertTrue(message.contains("lessons.yaml") && message.contains("aliases"), message);
    }

    @Test
    void shouldStillResolveAnchorsAuthorsUse() {
        YamlTree.Parsed parsed = YamlTree.parse("x.scenarios.yaml", """
                base: &base {channel: PHONE, department: store}
                one: {<<: *base, department: sales}
                two: *base
                """);
        assertEquals("sales", parsed.root().path("one").path("department").asText());
        assertEquals("PHONE", parsed.root().path("two").path("channel").asText());
    }
}
