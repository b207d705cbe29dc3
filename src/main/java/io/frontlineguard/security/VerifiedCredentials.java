package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Basic credentials whose password hash matched, so the next request with the same credential
 * costs an HMAC instead of a 210,000-round PBKDF2. What is kept is a keyed hash of user name and
 * password under a key that exists only in this process, never the password: a heap dump yields
 * nothing to try elsewhere. One entry per configured user at most (only a matching password is
 * kept), each for {@code guard.security.credential-cache.ttl}.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private record Entry(byte[] fingerprint, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final ConcurrentMap<String, Entry> verified = new ConcurrentHashMap<>();
    // A Mac per thread, keyed once: looking up the provider and keying a new Mac costs more than
    // the HMAC of a credential itself, and every authenticated request computes one.
    private final ThreadLocal<Mac> macs;

    VerifiedCredentials(GuardConfig config) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
        this.macs = ThreadLocal.withInitial(() -> keyed(spec));
        this.ttlNanos = config.security().credentialCache().ttl().toNanos();
    }

    private static Mac keyed(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The keyed hash of this credential; equal only for the same user name and password. */
    byte[] fingerprint(String user, char[] password) {
        Mac mac = macs.get();
        mac.update(user.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        mac.update(bytes);
        Arrays.fill(bytes.array(), (byte) 0);
        return mac.doFinal();
    }

    /** Whether this credential was verified within the time to live; compared in constant time. */
    boolean isVerified(String user, byte[] fingerprint) {
        Entry e = verified.get(user);
        if (e == null) {
            return false;
        }
        if (System.nanoTime() - e.expiresAtNanos() >= 0) {
            verified.remove(user, e);
            return false;
        }
        return MessageDigest.isEqual(e.fingerprint(), fingerprint);
    }

    /** Called only after the password hash matched, for a configured user. */
    void remember(String user, byte[] fingerprint) {
        verified.put(user, new Entry(fingerprint, System.nanoTime() + ttlNanos));
    }

    int size() {
        return verified.size();
    }
}
