package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads what {@code quarkus-kubernetes} generated at package time (target/kubernetes/kubernetes.yml)
 * as typed Kubernetes objects and checks what the cluster relies on: replicas, probes, resources,
 * the read-only rules mount, secrets by reference only, and a grace period that covers the drain.
 */
class KubernetesManifestIT {

    static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");
    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    /** Variables that carry secrets: each must come from a Secret, by name and key. */
    static final List<String> SECRET_VARIABLES = List.of("GUARD_DECISION_LOG_HMAC_KEY", "GUARD_MEMORY_HMAC_KEY",
            "GUARD_SECURITY_USERS_ADMIN_PASSWORD_HASH", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    static String text;
    static Deployment deployment;
    static Service service;
    static List<String> kinds = new ArrayList<>();

    @BeforeAll
    static void readTheGeneratedManifests() throws IOException {
        assertTrue(Files.isRegularFile(MANIFEST), MANIFEST + " is written by ./mvnw package");
        text = Files.readString(MANIFEST);
        YAMLMapper yaml = new YAMLMapper();
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                kinds.add(doc.path("kind").asText());
                switch (doc.path("kind").asText()) {
                    case "Deployment" -> deployment = yaml.treeToValue(doc, Deployment.class);
                    case "Service" -> service = yaml.treeToValue(doc, Service.class);
                    default -> { }
                }
            }
        }
        assertNotNull(deployment, "a Deployment in " + kinds);
        assertNotNull(service, "a Service in " + kinds);
    }

    @Test
    void shouldRunAtLeastTwoReplicasBehindAServiceThatSelectsThem() {
        assertTrue(deployment.getSpec().getReplicas() >= 2, "replicas: " + deployment.getSpec().getReplicas());
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                "the Service selects the pods: " + service.getSpec().getSelector() + " within " + podLabels);
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector(),
                "one set of labels, without the version, so a new release rolls out in place");
        assertEquals("http", service.getSpec().getPorts().get(0).getName());
        assertEquals(8080, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
        assertEquals(List.of("Service", "Deployment"), kinds,
                "nothing that needs an extra resource type (a ServiceMonitor would fail to apply without its operator)");
    }

    @Test
    void shouldProbeReadinessOnVerifiedRulesAndLivenessOnOverrunningEvaluations() {
        Container c = container();
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals(8080, c.getReadinessProbe().getHttpGet().getPort().getIntVal());
        Probe startup = c.getStartupProbe();
        assertEquals("/q/health/started", startup.getHttpGet().getPath());
        long startupWindow = startup.getInitialDelaySeconds() + (long) startup.getPeriodSeconds() * startup.getFailureThreshold();
        assertTrue(startupWindow >= 30, "start-up verifies every scenario; the kubelet waits " + startupWindow + " s");
    }

    @Test
    void shouldRequestAndLimitWhatTheBenchmarksMeasured() {
        Map<String, Quantity> requests = container().getResources().getRequests();
        Map<String, Quantity> limits = container().getResources().getLimits();
        long mib = 1024L * 1024L;
        long memoryLimit = Quantity.getAmountInBytes(limits.get("memory")).longValue();
        // docs/benchmarks.md: heap 256 MiB, peak resident 395-430 MiB under load.
        assertTrue(memoryLimit >= 430 * mib, "room for the measured peak resident memory: " + limits.get("memory"));
        assertEquals(limits.get("memory"), requests.get("memory"), "memory request = limit: never evicted for promised memory");
        assertTrue(Quantity.getAmountInBytes(requests.get("cpu")).doubleValue() > 0, "a CPU request");
        assertTrue(Quantity.getAmountInBytes(limits.get("cpu")).compareTo(Quantity.getAmountInBytes(requests.get("cpu"))) >= 0);
        assertTrue(dockerfile().contains("-Xmx256m"), "the image caps the heap at the benchmarks' 256 MiB");
    }

    @Test
    void shouldMountTheRulesReadOnlyFromAConfigMapWhereTheServiceReadsThem() {
        VolumeMount mount = container().getVolumeMounts().stream().filter(m -> m.getName().equals("rules")).findFirst().orElseThrow();
        assertTrue(mount.getReadOnly(), "the service never writes its rules");
        Volume volume = pod().getVolumes().stream().filter(v -> v.getName().equals("rules")).findFirst().orElseThrow();
        assertEquals("frontline-guard-rules", volume.getConfigMap().getName());
        assertEquals(0444, volume.getConfigMap().getDefaultMode(), "readable by the image's non-root user, writable by nobody");
        assertEquals(mount.getMountPath(), env("GUARD_RULES_DIR").getValue(), "guard.rules.dir is the mount");
        assertTrue(dockerfile().contains("COPY rules/ " + mount.getMountPath() + "/"), "the image bakes the same folder in at the mount point");
    }

    @Test
    void shouldTakeEverySecretFromASecretByReferenceAndNeverCarryAValue() throws IOException {
        for (String name : SECRET_VARIABLES) {
            EnvVar v = env(name);
            assertNull(v.getValue(), name + " has no value in the manifest");
            assertNotNull(v.getValueFrom().getSecretKeyRef(), name + " comes from a Secret");
            assertFalse(v.getValueFrom().getSecretKeyRef().getName().isBlank());
        }
        EnvVar url = env("QUARKUS_DATASOURCE_JDBC_URL");
        assertNotNull(url.getValueFrom().getConfigMapKeyRef(), "the PostgreSQL URL is configuration, from a ConfigMap");
        for (EnvVar v : container().getEnv()) {
            if (v.getValue() != null) {
                assertFalse(v.getName().matches(".*(KEY|PASSWORD|SECRET|HASH|USERNAME).*"), v.getName() + " is a literal");
            }
        }
        for (String published : publishedSecrets()) {
            assertFalse(text.contains(published), "a configured secret value appears in the manifest: " + published);
        }
        assertFalse(text.contains("pbkdf2-sha256:"), "no password hash in the manifest");
    }

    @Test
    void shouldSendTheDecisionLogToStdoutAndTheServiceLogToStderr() {
        assertEquals("stdout", env("GUARD_DECISION_LOG_TARGET").getValue());
        assertEquals("true", env("QUARKUS_LOG_CONSOLE_STDERR").getValue(), "stdout then carries decision-log entries only");
    }

    @Test
    void shouldGiveTheDrainMoreTimeThanTheShutdownDelayAndTimeoutTogether() throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        Duration timeout = Duration.parse("PT" + props.getProperty("quarkus.shutdown.timeout"));
        Duration delay = Duration.parse("PT" + env("QUARKUS_SHUTDOWN_DELAY").getValue().toUpperCase());
        long grace = pod().getTerminationGracePeriodSeconds();
        assertTrue(grace > delay.plus(timeout).toSeconds(),
                "terminationGracePeriodSeconds " + grace + " must exceed the delay " + delay + " + the timeout " + timeout
                        + ", leaving time to drain the decision log before the kubelet kills the process");
    }

    @Test
    void shouldRunAsANonRootUserFromTheFastJarLayout() {
        assertTrue(pod().getSecurityContext().getRunAsNonRoot());
        String dockerfile = dockerfile();
        List<String> users = dockerfile.lines().filter(l -> l.startsWith("USER ")).toList();
        assertEquals(List.of("USER 185"), users, "a numeric non-root user, so runAsNonRoot can verify it");
        for (String layer : List.of("lib/", "app/", "quarkus/", "quarkus-run.jar")) {
            assertTrue(Files.exists(Path.of("target/quarkus-app").resolve(layer)), "the package has " + layer);
        }
        List<String> copies = dockerfile.lines().filter(l -> l.startsWith("COPY target/quarkus-app/"))
                .map(l -> l.split(" ")[1]).collect(Collectors.toList());
        assertEquals(List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/"), copies, "the fast-jar layers, libraries first");
        assertTrue(dockerfile.contains("exec java"), "java is PID 1 and receives SIGTERM itself");
        assertEquals(container().getImage(), "frontline-guard:" + deployment.getMetadata().getLabels().get("app.kubernetes.io/version"),
                "the manifests name the image the README builds");
    }

    /** The dev, test and bench profiles' published keys and hashes: none may reach a manifest. */
    private static List<String> publishedSecrets() throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (line.startsWith("%") && line.matches("[^=]*(hmac-key|password-hash)=.*")) {
                String value = line.substring(line.indexOf('=') + 1);
                values.add(value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value);
            }
        }
        assertTrue(values.size() >= 4, "the published values were found: " + values);
        return values;
    }

    private static String dockerfile() {
        try {
            return Files.readString(DOCKERFILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PodSpec pod() {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static Container container() {
        return pod().getContainers().get(0);
    }

    private static EnvVar env(String name) {
        return container().getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set in the Deployment"));
    }
}
