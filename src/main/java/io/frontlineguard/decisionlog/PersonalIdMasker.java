package io.frontlineguard.decisionlog;

import io.frontlineguard.incident.PersonIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a personal identifier by {@code hmac:<hex>}, HMAC-SHA256 under the configured key of
 * its normalised form ({@link PersonIds}): the same person always gets the same value, however the
 * id was spelt, so log entries and memory records about them correlate, while nobody without the
 * key can recover or test for the identifier.
 *
 * <p>Reading a phone number costs about ten microseconds and the same people recur, so results are
 * remembered, keyed by the digest of the id as sent: never by the clear id, which would then stay
 * in the heap for as long as the service runs.
 */
public final class PersonalIdMasker {

    static final String PREFIX = "hmac:";
    private static final String ALGORITHM = "HmacSHA256";

    /** The same few people recur across requests; their digests are remembered, up to this many. */
    static final int REMEMBERED = 4096;

    private final SecretKeySpec key;
    private final PersonIds ids;
    private final ThreadLocal<Mac> macs;
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    public PersonalIdMasker(String secret, PersonIds ids) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.ids = ids;
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at start-up, not on the first entry, if the platform lacks the algorithm
    }

    /** Phone numbers read as in {@link PersonIds#DEFAULT_REGION}; for tools and tests. */
    public PersonalIdMasker(String secret) {
        this(secret, new PersonIds(PersonIds.DEFAULT_REGION));
    }

    /** The masked form of an identifier; {@code null} stays {@code null} (no identifier, nothing to hide). */
    public String mask(String id) {
        if (id == null) {
            return null;
        }
        String asSent = digest(id);
        String masked = remembered.get(asSent);
        if (masked == null) {
            masked = digest(ids.normalise(id));
            if (remembered.size() >= REMEMBERED) {
                remembered.clear(); // crude but bounded; a full cache only costs recomputation
            }
            remembered.put(asSent, masked);
        }
        return masked;
    }

    /** The same HMAC of a value taken as it is: for one-off values such as a whole request's digest. */
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
