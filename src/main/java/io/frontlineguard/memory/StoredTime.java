package io.frontlineguard.memory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the times memory wrote itself. Every fact carries two of them and a hot caller's read folds
 * dozens of facts, so the general ISO parser (which copies its state at every optional section) was
 * most of a remembered decision's CPU. Memory writes one shape only, {@code 2026-11-23T21:10:00[.fff…](Z|±hh:mm)};
 * that shape is read by hand, and anything else falls back to the general parser, so nothing written
 * by an older version reads differently.
 */
final class StoredTime extends JsonDeserializer<OffsetDateTime> {

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext context) throws IOException {
        String text = p.getValueAsString();
        return text == null ? null : parse(text);
    }

    static OffsetDateTime parse(String s) {
        OffsetDateTime fast = fast(s);
        return fast != null ? fast : OffsetDateTime.parse(s);
    }

    /** Null when {@code s} is not in memory's own shape (the caller then takes the general path). */
    private static OffsetDateTime fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
