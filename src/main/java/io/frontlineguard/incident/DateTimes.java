package io.frontlineguard.incident;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The contract's date-time: ISO-8601 with an offset and a four-digit year, which is what RFC 3339
 * means. Java's parser alone would take a nine-digit signed year; the schema's format check and the
 * reader both come here, so they cannot disagree.
 */
public final class DateTimes {

    static final String RULE = "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T10:15:00+09:00";

    private DateTimes() {
    }

    public static Optional<OffsetDateTime> parse(String text) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (parsed.getYear() < 1 || parsed.getYear() > 9999 || text.startsWith("+") || text.startsWith("-")) {
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why a string that failed {@link #parse} is not a date-time, in a client developer's words. */
    static String problem(String text) {
        if (lacksOnlyTheOffset(text)) {
            return "has no offset; " + RULE;
        }
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return "the year must have four digits (0001 to 9999); " + RULE;
        } catch (DateTimeParseException e) {
            return RULE;
        }
    }

    private static boolean lacksOnlyTheOffset(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
