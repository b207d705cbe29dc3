package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens whose signature, issuer and expiry smallrye-jwt verified, so the same token on
 * the next request costs an HMAC instead of a signature check. Kept under a keyed hash of the
 * token (the key exists only in this process, so the map's keys say nothing about the tokens),
 * until the token's own expiry or {@code guard.security.credential-cache.ttl}, whichever is
 * first; at most {@code guard.security.token-cache.max-entries}, the least recently used forgotten.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final byte[] key = new byte[32];
    private final long ttlMillis;
    private final Map<String, Entry> verified;
    private final AtomicLong hits = new AtomicLong();

    VerifiedTokens(GuardConfig config) {
        new SecureRandom().nextBytes(key);
        this.ttlMillis = config.security().credentialCache().ttl().toMillis();
        int max = config.security().tokenCache().maxEntries();
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > max;
            }
        };
    }

    Optional<SecurityIdentity> find(String token) {
        String k = fingerprint(token);
        long now = System.currentTimeMillis();
        synchronized (verified) {
            Entry e = verified.get(k);
            if (e == null) {
                return Optional.empty();
            }
            if (now >= e.expiresAtMillis()) {
                verified.remove(k);
                return Optional.empty();
            }
            hits.incrementAndGet();
            return Optional.of(e.identity());
        }
    }

    /** Called with an identity smallrye-jwt made from this token; {@code expiresAtSeconds} is its exp claim. */
    void remember(String token, SecurityIdentity identity, long expiresAtSeconds) {
        long until = Math.min(expiresAtSeconds * 1000, System.currentTimeMillis() + ttlMillis);
        String k = fingerprint(token);
        synchronized (verified) {
            if (!verified.containsKey(k)) {
                verified.put(k, new Entry(identity, until));
            }
        }
    }

    /** Requests answered from the cache since start, for tests and operators. */
    public long hits() {
        return hits.get();
    }

    private String fingerprint(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
