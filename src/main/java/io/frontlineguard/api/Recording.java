package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;

/** The {@code record} query parameter: absent or {@code true} records in case memory, {@code false} is a what-if. */
final class Recording {

    private Recording() {
    }

    static boolean of(String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new ProblemException(ErrorCode.BAD_REQUEST, "record must be true or false, not \"" + value + "\"");
    }
}
