package io.frontlineguard.memory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The store remembers which memory keys it was written under, by fingerprint (an HMAC of a fixed
 * text under the key, which does not reveal the key), so that a missing or changed key stops the
 * service instead of silently forgetting everybody: every pseudonym in the store is keyed by it.
 */
final class KeyFingerprint {

    private static final Logger LOG = Logger.getLogger(KeyFingerprint.class);
    private static final String TEXT = "frontline-guard memory key fingerprint";

    private KeyFingerprint() {
    }

    static String of(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(TEXT.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Accepts the current key when the store knows it, has never recorded one, or knows one of the
     * previous keys (then records the current one as the newest); refuses otherwise.
     */
    static void verify(DataSource data, String key, List<String> previousKeys, String store) {
        String current = of(key);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            List<String> recorded = recorded(c);
            List<String> previous = previousKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(KeyFingerprint::of).toList();
            if (recorded.isEmpty()) {
                LOG.infof("case memory: recorded the fingerprint %s of the memory key in the store", current);
            } else if (!recorded.contains(current)) {
                List<String> known = previous.stream().filter(recorded::contains).toList();
                if (known.isEmpty()) {
                    throw new IllegalStateException(refusal(store, recorded, current, !previous.isEmpty()));
                }
                LOG.warnf("case memory: memory key rotated: the store was written under fingerprint(s) %s, given in"
                        + " guard.memory.previous-hmac-keys; new records are written under %s", known, current);
                touch(c, known);
            }
            touch(c, List.of(current));
        } catch (SQLException e) {
            throw new IllegalStateException("case memory: cannot check the memory key against " + store + ": " + e.getMessage(), e);
        }
    }

    private static String refusal(String store, List<String> recorded, String current, boolean previousGiven) {
        return "case memory: the " + store + " was written under another memory key (fingerprint"
                + (recorded.size() > 1 ? "s " : " ") + String.join(", ", recorded) + "; the configured key's is " + current
                + (previousGiven ? ", and none of guard.memory.previous-hmac-keys matches" : "") + ")."
                + " Starting with this key would silently forget every caller, case and block in it, so the service stops."
                + " Configure the key the store was written under (guard.memory.hmac-key / GUARD_MEMORY_HMAC_KEY, or restore"
                + " the embedded store's memory.key from a backup); to move to a new key, configure the new one and put the"
                + " old one in guard.memory.previous-hmac-keys (GUARD_MEMORY_PREVIOUS_HMAC_KEYS) while rotating.";
    }

    private static List<String> recorded(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select fingerprint from memory_key_fingerprint order by first_used");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        return found;
    }

    private static void touch(Connection c, List<String> fingerprints) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        for (String f : fingerprints) {
            try (PreparedStatement s = c.prepareStatement("insert into memory_key_fingerprint (fingerprint, first_used, last_used)"
                    + " values (?, ?, ?) on conflict (fingerprint) do update set last_used = excluded.last_used")) {
                s.setString(1, f);
                s.setTimestamp(2, now);
                s.setTimestamp(3, now);
                s.executeUpdate();
            }
        }
    }
}
