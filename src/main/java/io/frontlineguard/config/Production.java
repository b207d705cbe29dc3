package io.frontlineguard.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Whether this start must refuse what is published: the dev users' passwords and the dev keys.
 * That is every start of the packaged application except the one that asks for the dev profile by
 * name ({@code ./guard serve --dev}, which listens on localhost only), plus Quarkus' own dev and
 * test modes. Deciding it by launch mode alone made the packaged dev start refuse its own keys.
 */
public final class Production {

    /** The profile with the published users and keys (application.properties, {@code %dev.}). */
    public static final String DEV_PROFILE = "dev";

    private Production() {
    }

    public static boolean active() {
        return LaunchMode.current() == LaunchMode.NORMAL && !ConfigUtils.isProfileActive(DEV_PROFILE);
    }
}
