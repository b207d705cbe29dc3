package io.frontlineguard.casework;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.memory.CallerRecord;
import io.frontlineguard.memory.Source;
import io.frontlineguard.memory.Sourced;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One caller's memory for a case officer (schema CallerMemory); the caller appears only by pseudonym. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallerView(String callerKey, Sourced<PoliceInvolvement> policeInvolvement, Source blocked, Source warned,
                         Map<String, Source> departments, List<CallerRecord.CaseRecord> cases,
                         List<CallerRecord.ChangeRecord> changes) {

    static CallerView of(String callerKey, CallerRecord r) {
        return new CallerView(callerKey, r.caller().police(), r.caller().blocked(), r.caller().warned(),
                new TreeMap<>(r.caller().departments()), r.cases(), r.changes());
    }
}
