package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.frontlineguard.incident.PersonIds;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
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
    void shouldMaskEverySpellingOfOnePhoneNumberAlike() throws Exception {
        PersonalIdMasker masker = new PersonalIdMasker(KEY, new PersonIds("JP"));
        assertEquals(hmac("+819012345678"), masker.mask("090-1234-5678"));
        assertEquals(hmac("+819012345678"), masker.mask("\uFF0B\uFF18\uFF11 90 1234 5678"));
        assertEquals(hmac("C-000123"), masker.mask(" C-000123 "));
        assertEquals(hmac(" untouched "), masker.digest(" untouched "), "a digest is of a whole request, not of an id");
    }

    @Test
    void shouldKeepNoClearIdOnceItIsMasked() throws Exception {
        PersonalIdMasker masker = new PersonalIdMasker(KEY);
        String id = "heap-probe-4711";
        masker.mask(id);
        masker.mask(" 090-1234-5678 ");
        for (Field f : PersonalIdMasker.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object value = f.get(masker);
            if (value instanceof Map<?, ?> map) {
                assertFalse(map.containsKey(id) || map.containsValue(id), f.getName() + " keeps the clear id");
                assertFalse(map.keySet().stream().anyMatch(k -> String.valueOf(k).contains("1234")),
                        f.getName() + " keeps a phone number in clear");
            } else if (value instanceof Collection<?> items) {
                assertFalse(items.contains(id), f.getName() + " keeps the clear id");
            } else {
                assertNotEquals(id, value, f.getName() + " keeps the clear id");
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
