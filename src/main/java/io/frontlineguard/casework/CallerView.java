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
public record CallerView(String callerKey, Sourced<PoliceInvolvement> policeInvolvement, Source blocked,
                         Map<String, Source> blocks, Source warned, Map<String, Source> departments, int departmentCount,
                         Source blockLifted, List<CallerRecord.CaseRecord> cases, List<CallerRecord.ChangeRecord> changes) {

    /**
     * {@code blocks}: every source that blocks the caller, by the name a lift gives it;
     * {@code departments} names the latest few, {@code departmentCount} counts them all; {@code blockLifted} who lifted a block that still holds.
     */
    static CallerView of(String callerKey, CallerRecord r) {
        var c = r.caller();
        return new CallerView(callerKey, c.police(), c.blocked(), new TreeMap<>(c.blocks()), c.warned(),
                new TreeMap<>(c.departments()), c.departmentCount(), c.blockLifted() ? c.lift().source() : null, r.cases(),
                r.changes());
    }
}
