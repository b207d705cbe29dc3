package io.frontlineguard.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonIdsTest {

    private final PersonIds japan = new PersonIds("JP");

    @ParameterizedTest
    @ValueSource(strings = {
            "090-1234-5678", "09012345678", "090 1234 5678", "090.1234.5678", "(090) 1234-5678", " 090-1234-5678 ",
            "+81 90 1234 5678", "+81-90-1234-5678", "+819012345678", "+81 (0)90 1234 5678", "81 90 1234 5678",
            "０９０１２３４５６７８", "０９０－１２３４－５６７８", "＋８１ ９０ １２３４ ５６７８", "090-１２３４-5678",
            "090\u30001234\u30005678", "090\u20101234\u20105678", "090\u22121234\u22125678", "\t+81 90-1234 5678\n"})
    void shouldKeyEverySpellingOfAJapaneseMobileNumberByItsE164Form(String spelling) {
        assertEquals("+819012345678", japan.normalise(spelling));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-1234-5678", "0312345678", "+81 3 1234 5678", "(03) 1234-5678", "０３－１２３４－５６７８"})
    void shouldKeyEverySpellingOfAJapaneseFixedLineByItsE164Form(String spelling) {
        assertEquals("+81312345678", japan.normalise(spelling));
    }

    @Test
    void shouldReadANationalNumberInTheConfiguredRegion() {
        PersonIds us = new PersonIds("US");
        assertEquals("+12025550173", us.normalise("(202) 555-0173"));
        assertEquals("+12025550173", us.normalise("+1 202 555 0173"));
        assertEquals("+12025550173", japan.normalise("+1 202-555-0173"), "an international number does not depend on the region");
        assertEquals("+819012345678", us.normalise("+81 90-1234-5678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C-000123", "CUST-42", "customer 090-1234-5678", "090-1234-5678 ext 12", "tel:09012345678",
            "op-7", "12345", "000123", "abc", "+", "--", "a.b", "hmac:0123"})
    void shouldLeaveIdsThatAreNoPhoneNumberAsTheyAre(String id) {
        assertEquals(id, japan.normalise(id));
    }

    @Test
    void shouldNormaliseAnOpaqueIdByNfkcAndTrimmingOnly() {
        assertEquals("C-000123", japan.normalise("  Ｃ－０００１２３\u3000"));
        assertEquals("ABC-1", japan.normalise("ＡＢＣ-1"));
        assertEquals("c-000123", japan.normalise("c-000123"), "case is part of an opaque id");
        assertEquals("カ", japan.normalise("ｶ"), "half-width katakana is the same letter");
    }

    @Test
    void shouldKeepTwoDifferentNumbersApart() {
        assertFalse(japan.normalise("090-1234-5678").equals(japan.normalise("090-1234-5679")));
        assertFalse(japan.normalise("C-000123").equals(japan.normalise("C-000124")));
    }

    @Test
    void shouldGiveTheSameKeyWhenNormalisedTwice() {
        for (String id : new String[] {"０９０－１２３４－５６７８", " C-1 ", "+1 202 555 0173"}) {
            String once = japan.normalise(id);
            assertEquals(once, japan.normalise(once));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n", "\u3000", ".", "..", " . ", "．", "．．", "\u200B", "a\u0000b", "\u0007"})
    void shouldRefuseIdsThatCannotBeLookedUpOrErased(String id) {
        assertTrue(PersonIds.unusable(id).isPresent(), () -> "accepted " + id.codePoints().boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "a.", ".a", "C-1", "090-1234-5678", "x"})
    void shouldAcceptIdsThatCanBeLookedUp(String id) {
        assertEquals(java.util.Optional.empty(), PersonIds.unusable(id));
    }

    @Test
    void shouldNotEchoTheIdWhenRefusingIt() {
        String reason = PersonIds.unusable("secret-4711\u0001").orElseThrow();
        assertFalse(reason.contains("secret") || reason.contains("4711"), reason);
    }

    @Test
    void shouldRefuseARegionLibphonenumberDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> new PersonIds("XX"));
        assertEquals("+819012345678", new PersonIds("jp").normalise("090-1234-5678"));
    }
}
