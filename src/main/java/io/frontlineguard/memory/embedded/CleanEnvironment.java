package io.frontlineguard.memory.embedded;

import java.util.List;
import java.util.Map;

/**
 * The environment PostgreSQL's programs get: only what they need to run, never what the service
 * inherited (GUARD_* keys, datasource passwords), which any process of the server could read.
 */
final class CleanEnvironment {

    private static final List<String> KEPT = List.of("PATH", "LANG", "LC_ALL", "TZ");

    private CleanEnvironment() {
    }

    static ProcessBuilder apply(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        env.clear();
        for (String name : KEPT) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        return pb;
    }
}
