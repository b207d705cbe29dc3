package io.frontlineguard.incident;

/**
 * Why a request body was refused. The set is closed and the names are part of the API: clients
 * branch on them, so a constant is only ever added, never renamed or removed.
 */
public enum ViolationCode {
    /** The body is not JSON at all (syntax error, empty body, trailing content); the message gives line and column. */
    MALFORMED_JSON,
    /** The same key appears twice in one object; a silent "last one wins" could hide the value the client meant. */
    DUPLICATE_FIELD,
    /** A required field is absent, null or (for {@code department}) blank. */
    MISSING_FIELD,
    /** A field name the contract does not define at that level; {@code allowed} lists the names that are defined. */
    UNKNOWN_FIELD,
    /** A value of the wrong JSON type: a string for a boolean, a fraction for an integer, an array for an object. */
    INVALID_TYPE,
    /** A string that is not one of the enum's exact, case-sensitive spellings; {@code allowed} lists them. */
    UNKNOWN_ENUM_VALUE,
    /** A number, array size or date outside what the contract or plausibility allows. */
    OUT_OF_RANGE,
    /** A string longer than the contract's limit, counted in Unicode code points. */
    TOO_LONG,
    /** A date-time that is not ISO-8601 with an offset and a four-digit year, e.g. {@code 2026-11-23T10:15:00+09:00}. */
    INVALID_DATE_TIME,
    /**
     * A string holding a control character (U+0000 to U+001F but tab, line feed and carriage return; U+007F)
     * or an unpaired surrogate: no
     * identifier contains one, and neither survives every log, database or terminal downstream.
     */
    INVALID_CHARACTER,
    /**
     * A caller or employee id that could not be looked up or erased later: blank after NFKC
     * normalisation and trimming, {@code .} or {@code ..}. The message never repeats the id.
     */
    INVALID_ID,
    /**
     * A rules file name that is not a plain file name of the rules folder (no folder part, no
     * {@code ..}, not hidden) ending with {@code .drl} or {@code .yaml}: an impact candidate's files.
     */
    INVALID_FILE_NAME,
    /** A well-formed rules file name of no file of the rules in force (an impact candidate's {@code remove}); {@code allowed} lists the files. */
    UNKNOWN_FILE
}
