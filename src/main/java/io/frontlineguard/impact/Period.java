package io.frontlineguard.impact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of the replayed period, from {@code --since}: a length back from now ({@code 30d},
 * {@code 12h}, {@code 2w}), a UTC date ({@code 2026-11-01}) or an instant
 * ({@code 2026-11-01T09:00:00Z}). Entries are selected by the time the service decided them.
 */
public final class Period {

    private static final Pattern LENGTH = Pattern.compile("(\\d{1,6})([hdw])");

    private Period() {
    }

    /** The instant the period starts; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static Instant since(String text, Instant now) {
        String s = text.strip();
        Matcher m = LENGTH.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration back = switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(back);
        }
        try {
            return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "': give a length such as 30d, 12h or 2w,"
                    + " a date such as 2026-11-01 (UTC) or an instant such as 2026-11-01T09:00:00Z");
        }
    }
}
