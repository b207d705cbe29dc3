package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Decision;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decision into its log line, masking personal identifiers. The request is the validated
 * incident with its defaults, i.e. exactly what the rules saw ({@link LoggedRequest}).
 *
 * <p>Masked: {@code caller.callerId}, {@code handler.employeeId}, {@code demands[].employeeId}, and
 * every free-text action param (types STRING and STRING_LIST: today the employee ids of
 * PROTECT_TARGET_EMPLOYEE and REASSIGN_HANDLER's exclusions). Masking by param type rather than by
 * name means a new free-text param is hidden until someone decides otherwise.
 */
public final class EntryFormatter {

    private final ObjectWriter writer;
    private final PersonalIdMasker masker;

    public EntryFormatter(PersonalIdMasker masker) {
        this.masker = masker;
        this.writer = JsonMapper.builder().build().writer();
    }

    public String format(Decision d, long epochMillis) {
        return format(d, epochMillis, false);
    }

    /** A decision that missed its deadline is logged with {@code "outcome": "TIMED_OUT"} and no actions. */
    public String format(Decision d, long epochMillis, boolean timedOut) {
        try {
            LogEntry entry = entry(d, epochMillis);
            return writer.writeValueAsString(timedOut ? entry.timedOut() : entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    LogEntry entry(Decision d, long epochMillis) {
        List<LogEntry.LoggedAction> actions = new ArrayList<>(d.resolution().actions().size());
        for (Action a : d.resolution().actions()) {
            actions.add(new LogEntry.LoggedAction(a.code().name(), maskParams(a), a.ruleNames()));
        }
        return new LogEntry(d.decisionId(), Instant.ofEpochMilli(epochMillis).toString(), d.rulesetVersion(),
                d.incident().incidentId(), null, d.memory().name(), LoggedRequest.of(d.incident(), masker),
                d.remembered().stream().map(LogEntry.LoggedRemembered::of).toList(), actions,
                LogEntry.LoggedAssessment.of(d.resolution().assessment()), d.evaluation().firedRules(), d.evaluation().nanos());
    }

    private Map<String, Object> maskParams(Action a) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ParamType> types = a.code().params();
        a.params().forEach((name, value) -> out.put(name, mask(types.get(name), value)));
        return out;
    }

    private Object mask(ParamType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == null || type == ParamType.STRING) {
            return masker.mask(value.toString());
        }
        if (type == ParamType.STRING_LIST && value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? null : masker.mask(v.toString())).toList();
        }
        return value;
    }
}
