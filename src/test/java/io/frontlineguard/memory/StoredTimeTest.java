package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T21:10:00+09:00", "2026-12-07T05:00:00.123456Z", "2026-12-07T05:00:00Z",
        "2026-02-28T23:59:59.999999999-03:30", "0001-01-01T00:00:00.1+00:00", "2026-06-01T12:00:00.120-00:00",
        // shapes memory does not write itself: the general parser reads them
        "2026-06-01T12:00+09:00", "2026-06-01T12:00:00+09:00:30", "+12026-06-01T12:00:00Z", "2026-06-01T12:00:00+0900", "2026-01-01T00:00:00.Z"})
    void shouldReadEveryTimeExactlyAsTheGeneralParserDoes(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> StoredTime.parse(text));
            return;
        }
        OffsetDateTime read = StoredTime.parse(text);
        assertEquals(expected, read);
        assertEquals(expected.getOffset(), read.getOffset(), "the offset is kept, not adjusted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z",
        "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00+19:00", "2026-01-01T00:00:00", "2026-01-01T00:0a:00Z",
        "2026-01-01T00:00:00Y", "not a time at all, clearly"})
    void shouldRefuseWhatTheGeneralParserRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
        assertThrows(java.time.DateTimeException.class, () -> StoredTime.parse(text));
    }

    @Test
    void shouldReadBackEveryTimeMemoryWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime t = OffsetDateTime.of(1970 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds(60 * 15 * (random.nextInt(97) - 48)));
            String written = MemoryJson.write(new Source("d", null, t, null, null, null));
            Source read = MemoryJson.read(written, Source.class);
            assertEquals(t, read.at(), written);
        }
    }
}
