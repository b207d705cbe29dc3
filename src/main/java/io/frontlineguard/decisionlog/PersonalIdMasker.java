package io.frontlineguard.decisionlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a personal identifier by {@code hmac:<hex>}, HMAC-SHA256 under the configured key: the
 * same person always gets the same value, so log entries about them still correlate, while nobody
 * without the key can recover or test for the identifier.
 */
public final class PersonalIdMasker {

    static final String PREFIX = "hmac:";
    private static final String ALGORITHM = "HmacSHA256";

    /** The same few people recur across entries; their digests are remembered, up to this many. */
    static final int REMEMBERED = 4096;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    // Only in memory, where the clear identifiers already are while an entry is formatted.
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    public PersonalIdMasker(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at start-up, not on the first entry, if the platform lacks the algorithm
    }

    /** The masked form of an identifier; {@code null} stays {@code null} (no identifier, nothing to hide). */
    public String mask(String id) {
        if (id == null) {
            return null;
        }
        String masked = remembered.get(id);
        if (masked == null) {
            masked = PREFIX + HexFormat.of().formatHex(macs.get().doFinal(id.getBytes(StandardCharsets.UTF_8)));
            if (remembered.size() >= REMEMBERED) {
                remembered.clear(); // crude but bounded; a full cache only costs recomputation
            }
            remembered.put(id, masked);
        }
        return masked;
    }

    /** The same HMAC, not remembered: for one-off values such as a whole request's digest. */
    public String digest(String value) {
        return PREFIX + HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
