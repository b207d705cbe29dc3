package io.frontlineguard.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language of reasons: the client's most preferred of Japanese and English, English when it has none. */
public final class Language {

    public static final String DEFAULT = "en";

    private Language() {
    }

    public static String of(HttpHeaders headers) {
        for (Locale l : headers.getAcceptableLanguages()) {
            String lang = l.getLanguage();
            if (lang.equals("ja") || lang.equals("en")) {
                return lang;
            }
        }
        return DEFAULT;
    }
}
