package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonalIdMaskerTest {

    private static final String KEY = "a-test-key-of-more-than-thirty-two-characters";

    private static String hmac(String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "hmac:" + HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldGiveTheKeyedHashOfEveryIdEvenPastTheRememberedLimit() throws Exception {
        PersonalIdMasker masker = new PersonalIdMasker(KEY);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < PersonalIdMasker.REMEMBERED + 100; i += 97) {
                assertEquals(hmac("tel:03" + i), masker.mask("tel:03" + i));
            }
        }
    }

    @Test
    void shouldCorrelateTheSamePersonAndSeparateOthers() {
        PersonalIdMasker masker = new PersonalIdMasker(KEY);
        assertEquals(masker.mask("E-1042"), masker.mask("E-1042"));
        assertNotEquals(masker.mask("E-1042"), masker.mask("E-1043"));
        assertNotEquals(new PersonalIdMasker(KEY + "x").mask("E-1042"), masker.mask("E-1042"));
        assertNull(masker.mask(null));
    }
}
