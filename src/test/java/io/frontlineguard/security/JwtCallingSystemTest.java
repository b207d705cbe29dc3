package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calling systems with bearer tokens, as an OIDC provider issues them to services: verified
 * against the issuer's public key, roles from {@code groups}, the departments from the
 * {@code departments} claim. The tokens are minted here with a key pair made for the test.
 */
@QuarkusTest
@TestProfile(JwtCallingSystemTest.Issuer.class)
class JwtCallingSystemTest {

    static final String ISSUER = "https://idp.example.test/realms/ops";
    static final Path KEYS = Path.of("target", "jwt-test");

    public static class Issuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            signingKey();
            return Map.of("mp.jwt.verify.publickey.location", KEYS.resolve("public.pem").toAbsolutePath().toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "quarkus.http.auth.permission.decisions.policy", "decider-role",
                    "guard.security.anonymous-departments", "");
        }
    }

    /** The issuer's private key, made once per build folder; the public half is written beside it for the service. */
    static synchronized PrivateKey signingKey() {
        try {
            Path file = KEYS.resolve("private.der");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Files.createDirectories(KEYS);
                Files.write(file, generator.generateKeyPair().getPrivate().getEncoded());
            }
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            Files.writeString(KEYS.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pub.getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JwtClaimsBuilder token(String system, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(system).groups(groups).expiresAt(Instant.now().plusSeconds(300));
    }

    static ValidatableResponse decide(String token, String department) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"incidentId\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-11-23T10:00:00+09:00\","
                        + " \"channel\": \"PHONE\", \"department\": \"" + department + "\"}")
                .post("/v1/decisions?record=false").then();
    }

    @Test
    void shouldDecideForTheDepartmentsInTheTokensClaimOnly() {
        String token = token("ticket-tool", Set.of("decider")).claim("departments", List.of("shop", "store")).sign(signingKey());
        decide(token, "store").statusCode(200);
        decide(token, "call-center").statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"))
                .body("detail", containsString("'departments' claim"));
    }

    @Test
    void shouldReadACommaSeparatedDepartmentsClaim() {
        String token = token("ticket-tool", Set.of("decider")).claim("departments", "shop, call-center").sign(signingKey());
        decide(token, "call-center").statusCode(200);
        decide(token, "hq-consultation").statusCode(403).body("code", equalTo("DEPARTMENT_NOT_ALLOWED"));
    }

    @Test
    void shouldLetATokenWithoutDepartmentsSpeakForNone() {
        String token = token("ticket-tool", Set.of("decider")).sign(signingKey());
        decide(token, "shop").statusCode(403)
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"))
                .body("detail", containsString("speaks for none"));
    }

    @Test
    void shouldRefuseExpiredForeignAndMisissuedTokens() throws GeneralSecurityException {
        String expired = Jwt.issuer(ISSUER).upn("ticket-tool").groups("decider").claim("departments", "*")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(signingKey());
        decide(expired, "shop").statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token("ticket-tool", Set.of("decider")).claim("departments", "*").sign(generator.generateKeyPair().getPrivate());
        decide(forged, "shop").statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        String otherIssuer = Jwt.issuer("https://elsewhere.example.test").upn("ticket-tool").groups("decider")
                .claim("departments", "*").expiresAt(Instant.now().plusSeconds(300)).sign(signingKey());
        decide(otherIssuer, "shop").statusCode(401);
    }

    @Test
    void shouldRefuseDecisionsToATokenWithoutTheDeciderRole() {
        String token = token("officer-app", Set.of("case-officer")).claim("departments", "*").sign(signingKey());
        decide(token, "shop").statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void shouldVerifyATokenOnceAndStopVouchingForItAtItsExpiry() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(4);
        String token = Jwt.issuer(ISSUER).upn("ticket-tool").groups("decider").claim("departments", "shop")
                .expiresAt(expiry).sign(signingKey());
        decide(token, "shop").statusCode(200);
        long hits = verifiedTokens.hits();
        for (int i = 0; i < 5; i++) {
            decide(token, "shop").statusCode(200);
        }
        assertEquals(5, verifiedTokens.hits() - hits, "the signature was checked once, then the token recognised");
        decide(token, "call-center").statusCode(403).body("code", equalTo("DEPARTMENT_NOT_ALLOWED"));

        // Past its exp the cache no longer vouches for the token: it goes back to the verifier,
        // which alone decides (with whatever clock leeway smallrye-jwt allows).
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1500);
        long before = verifiedTokens.hits();
        decide(token, "shop");
        assertEquals(before, verifiedTokens.hits(), "an expired token is not answered from the cache");
    }

    @Test
    void shouldLetAnAllDepartmentsTokenSpeakForAny() {
        String token = token("crm-cloud", Set.of("decider")).claim("departments", List.of("*")).sign(signingKey());
        decide(token, "hq-consultation").statusCode(200);
    }
}
