package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decision into its log line, masking personal identifiers. The request is the validated
 * incident with its defaults, i.e. exactly what the rules saw.
 *
 * <p>Masked: {@code caller.callerId}, {@code handler.employeeId}, {@code demands[].employeeId}, and
 * every free-text action param (types STRING and STRING_LIST: today the employee ids of
 * PROTECT_TARGET_EMPLOYEE and REASSIGN_HANDLER's exclusions). Masking by param type rather than by
 * name means a new free-text param is hidden until someone decides otherwise.
 */
public final class EntryFormatter {

    abstract static class DemandMixIn {
        @JsonSerialize(using = MaskedId.class)
        abstract String employeeId();
    }

    abstract static class CallerMixIn {
        @JsonSerialize(using = MaskedId.class)
        abstract String callerId();
    }

    abstract static class HandlerMixIn {
        @JsonSerialize(using = MaskedId.class)
        abstract String employeeId();
    }

    /**
     * Writes an identifier as its HMAC while the request is serialised, so no copy of the request
     * (a JSON tree, say) has to be built and edited per entry. The masker travels as a writer attribute.
     */
    static final class MaskedId extends StdSerializer<String> {
        MaskedId() {
            super(String.class);
        }

        @Override
        public void serialize(String id, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(((PersonalIdMasker) provider.getAttribute(PersonalIdMasker.class)).mask(id));
        }
    }

    private final ObjectWriter writer;
    private final PersonalIdMasker masker;

    public EntryFormatter(PersonalIdMasker masker) {
        this.masker = masker;
        this.writer = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addMixIn(Demand.class, DemandMixIn.class)
                .addMixIn(Caller.class, CallerMixIn.class)
                .addMixIn(Handler.class, HandlerMixIn.class)
                .build()
                .writer()
                .withAttribute(PersonalIdMasker.class, masker);
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
                d.incident().incidentId(), null, d.incident(), actions, d.evaluation().firedRules(),
                d.evaluation().nanos());
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
