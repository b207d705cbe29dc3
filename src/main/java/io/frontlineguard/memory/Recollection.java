package io.frontlineguard.memory;

/**
 * What memory holds about one incident's caller and case when its decision starts. Stored with
 * the incident, so that a retry of the same incident is decided from the same recollection and
 * answers the same actions, whatever was recorded since.
 */
public record Recollection(CallerMemory caller, CaseMemory caseFile) {

    public static final Recollection NONE = new Recollection(CallerMemory.NONE, CaseMemory.NONE);

    public Recollection {
        caller = caller == null ? CallerMemory.NONE : caller;
        caseFile = caseFile == null ? CaseMemory.NONE : caseFile;
    }
}
