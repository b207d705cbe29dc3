package io.frontlineguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.config.GuardConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production start-up rule: admin endpoints on and nobody able to call them refuses to start. */
class AdminCredentialCheckTest {

    static GuardConfig.User user(String hash, String... roles) {
        return new GuardConfig.User() {
            @Override
            public String passwordHash() {
                return hash;
            }

            @Override
            public Optional<List<String>> roles() {
                return Optional.of(List.of(roles));
            }

            @Override
            public Optional<List<String>> departments() {
                return Optional.empty();
            }
        };
    }

    static final String HASH = PasswordHash.hash("s3cret".toCharArray());

    @Test
    void shouldRefuseToStartWithAdminEnabledAndNoCredential() {
        List<String> problems = AdminCredentialCheck.problems(true, Map.of(), List.of());
        assertEquals(1, problems.size());
        String message = problems.get(0);
        assertTrue(message.contains("guard.security.users.<name>.password-hash"), message);
        assertTrue(message.contains("guard.security.users.<name>.roles=admin"), message);
        assertTrue(message.contains("mp.jwt.verify.publickey.location"), message);
        assertTrue(message.contains("guard.admin.enabled=false"), message);
    }

    @Test
    void shouldRefuseWhenNoConfiguredUserHasTheAdminRole() {
        assertEquals(1, AdminCredentialCheck.problems(true, Map.of("clerk", user(HASH, "decider")), List.of()).size());
    }

    @Test
    void shouldStartWithAnAdminUserOrAnIdentityProviderOrAdminOff() {
        assertEquals(List.of(), AdminCredentialCheck.problems(true, Map.of("ops", user(HASH, "admin")), List.of()));
        assertEquals(List.of(), AdminCredentialCheck.problems(true, Map.of(), List.of("mp.jwt.verify.publickey.location")));
        assertEquals(List.of(), AdminCredentialCheck.problems(false, Map.of(), List.of()));
    }

    @Test
    void shouldRefuseAPlainPasswordWhereAHashBelongs() {
        List<String> problems = AdminCredentialCheck.problems(true, Map.of("ops", user("hunter2", "admin")), List.of());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("guard.security.users.ops.password-hash")), problems.toString());
    }

    @Test
    void shouldNotCountAGeneratedJwtKeyPairAsAnIdentityProvider() {
        Map<String, String> generated = Map.of("mp.jwt.verify.publickey", "MIIB…", "smallrye.jwt.sign.key", "MIIE…");
        assertEquals(List.of(), AdminCredentialCheck.identityProviderKeys(k -> Optional.ofNullable(generated.get(k))));
        Map<String, String> operator = Map.of("mp.jwt.verify.publickey.location", "https://idp.example.com/keys");
        assertEquals(List.of("mp.jwt.verify.publickey.location"),
                AdminCredentialCheck.identityProviderKeys(k -> Optional.ofNullable(operator.get(k))));
    }

    @Test
    void shouldMatchOnlyTheHashedPassword() {
        assertTrue(PasswordHash.matches("s3cret".toCharArray(), HASH));
        assertFalse(PasswordHash.matches("s3cret!".toCharArray(), HASH));
        assertFalse(PasswordHash.matches("s3cret".toCharArray(), "s3cret"));
        assertFalse(PasswordHash.matches("s3cret".toCharArray(), "pbkdf2-sha256:x:y:z"));
        assertTrue(PasswordHash.wellFormed(HASH));
        assertFalse(HASH.equals(PasswordHash.hash("s3cret".toCharArray())), "every hash has its own salt");
    }

    @Test
    void shouldRefuseThePublishedDevPasswordsInProductionWhateverTheSalt() {
        GuardConfig.User rehashed = user(PasswordHash.hash("crm-dev-only".toCharArray()), "decider");
        GuardConfig.User published = user("pbkdf2-sha256:210000:I3CehDcFJxaxnkJ3QKoCng:9GOPuQqlvdDw5w5rjAsXc4gHVkIAzM6Tdpwypl7kZlQ", "admin");
        List<String> problems = AdminCredentialCheck.publishedPasswords(Map.of("crm", rehashed, "ops", published, "own", user(HASH, "admin")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("guard.security.users.crm.password-hash is the hash of a published")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("guard.security.users.ops.password-hash")), problems.toString());
    }
}
