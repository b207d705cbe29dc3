package io.frontlineguard.security;

import io.restassured.RestAssured;

/**
 * The calling system the packaged-jar tests sign in as: production decides for nobody without
 * one. Configured for them in quarkus.test.arg-line (application.properties).
 */
public final class PackagedCallingSystem {

    public static final String USER = "it";
    public static final String PASSWORD = "it-packaged-jar-only";

    private PackagedCallingSystem() {
    }

    /** Every request of the test class carries the credential, as a calling system's would. */
    public static void signIn() {
        RestAssured.authentication = RestAssured.preemptive().basic(USER, PASSWORD);
    }

    public static void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
