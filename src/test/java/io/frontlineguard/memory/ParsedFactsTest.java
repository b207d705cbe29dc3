package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParsedFactsTest {

    private static String facts(String department) {
        return "{\"department\": \"" + department + "\", \"decisionId\": \"d-1\", \"at\": \"2026-11-23T21:10:00+09:00\"}";
    }

    @Test
    void shouldParseARowOnceAndAnswerLaterReadsFromWhatItParsed() {
        ParsedFacts parsed = new ParsedFacts(100);
        Source first = parsed.of(1, facts("sales"), Source.class);
        assertSame(first, parsed.of(1, facts("sales"), Source.class));
        assertEquals("sales", first.department());
    }

    @Test
    void shouldParseAgainWhenTheSameIdCarriesOtherText() {
        ParsedFacts parsed = new ParsedFacts(100);
        parsed.of(1, facts("sales"), Source.class);
        Source other = parsed.of(1, facts("store"), Source.class);
        assertEquals("store", other.department(), "another database's row 1 is not this one's");
    }

    @Test
    void shouldKeepTheRowsReadsKeepReturningWhenNewRowsFillIt() {
        ParsedFacts parsed = new ParsedFacts(10);
        Source busy = parsed.of(1, facts("busy"), Source.class);
        for (long id = 2; id < 200; id++) {
            parsed.of(id, facts("once-" + id), Source.class);
            assertSame(busy, parsed.of(1, facts("busy"), Source.class), "dropped after row " + id);
        }
        assertTrue(parsed.size() <= 10, parsed.size() + " rows kept");
    }

    @Test
    void shouldForgetEverythingAfterAnErasure() {
        ParsedFacts parsed = new ParsedFacts(100);
        Source before = parsed.of(1, facts("sales"), Source.class);
        parsed.forget();
        assertEquals(0, parsed.size());
        assertNotSame(before, parsed.of(1, facts("sales"), Source.class));
    }
}
