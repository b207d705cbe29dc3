package io.frontlineguard.incident;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One person, one key: the form a caller or employee id takes before it is pseudonymised, so that
 * {@code 090-1234-5678}, {@code +81 90 1234 5678} and {@code ０９０１２３４５６７８} are one caller.
 * Every id is NFKC-normalised (full-width digits, letters and plus become ASCII) and trimmed. An id
 * made only of digits and phone separators that libphonenumber reads as a possible number (national
 * numbers in the configured region) becomes its E.164 form; anything else is opaque and stays as it
 * is, so a customer number such as {@code C-000123} keeps its letters, zeros and case.
 *
 * <p>Possible rather than valid: validity follows number ranges that each libphonenumber release
 * extends, and a key must not change when the library is upgraded; the lengths it checks rarely do.
 */
public final class PersonIds {

    public static final String DEFAULT_REGION = "JP";

    /** Fewer digits than this are an extension or a customer number, never a number to call. */
    static final int MIN_DIGITS = 7;
    /** E.164 allows 15 digits; an international call prefix and a trunk zero may come on top. */
    static final int MAX_DIGITS = 20;

    // After NFKC: an optional leading plus, then digits and what people put between them.
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./\\-\\p{Pd}\u2212\u30FC]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String region;

    /** {@code region}: where a number written without a country code is (ISO 3166 code, such as JP). */
    public PersonIds(String region) {
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("'" + region + "' is not a region libphonenumber knows;"
                    + " use a two-letter ISO 3166 code such as JP or US");
        }
        this.region = code;
    }

    /** The key form of an id; {@code null} stays {@code null}. Normalising a normalised id changes nothing. */
    public String normalise(String id) {
        if (id == null) {
            return null;
        }
        String text = Normalizer.normalize(id, Normalizer.Form.NFKC).strip();
        return phoneNumber(text).orElse(text);
    }

    private Optional<String> phoneNumber(String text) {
        if (!PHONE_LIKE.matcher(text).matches()) {
            return Optional.empty();
        }
        long digits = text.chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(text, region);
            if (PHONES.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * Why an id can never be used, if it cannot: one that is blank after normalising, {@code .} or
     * {@code ..} (no URL can name it, so it could never be read or erased again), or one holding a
     * control character. The reason never repeats the id, which is personal data.
     */
    public static Optional<String> unusable(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i)) && !Character.isWhitespace(id.charAt(i))) {
                return Optional.of("must not contain control characters");
            }
        }
        String text = Normalizer.normalize(id, Normalizer.Form.NFKC).strip();
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT)) {
            return Optional.of("must not be blank: an id of spaces alone names nobody");
        }
        if (text.equals(".") || text.equals("..")) {
            return Optional.of("must not be \".\" or \"..\": no URL can name such an id, so it could never be"
                    + " looked up or erased");
        }
        return Optional.empty();
    }
}
