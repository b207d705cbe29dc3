package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.DateTimes;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PersonIds;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Severity;
import io.frontlineguard.incident.Spelling;
import io.frontlineguard.memory.CallerMemory;
import io.frontlineguard.memory.CaseMemory;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.memory.Source;
import io.frontlineguard.memory.Sourced;
import java.time.OffsetDateTime;
import io.frontlineguard.ruleset.RuleProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A scenario's {@code memory:} block: what case memory holds before the scenario's incident, so
 * that rules depending on memory are tested without a database. Employee ids are written in clear
 * here; the scenario runner matches them in clear, normalised as the service normalises them before
 * it matches their pseudonyms.
 *
 * <pre>
 * memory:
 *   from: call-center                      # the department the remembered facts came from
 *   caller: {policeInvolvement: ARRESTED, blocked: true, warned: true}
 *   # or, after the executive lifted the block (blocked: true with it means blocked again since):
 *   caller: {policeInvolvement: ARRESTED, lifted: true}
 *   case: {openedAt: "…", contacts: 4, longestContactMinutes: 90, companyFault: CONFIRMED,
 *          investigationComplete: true, managementAnswer: REFUSED, severity: HIGH,
 *          callbacksDemanded: true, departments: [call-center], demandedStaff: [op-7], targetedStaff: [op-7]}
 * </pre>
 */
final class ScenarioMemory {

    static final Set<String> KEYS = Set.of("from", "caller", "case");
    static final Set<String> CALLER_KEYS = Set.of("policeInvolvement", "blocked", "warned", "lifted");
    static final Set<String> CASE_KEYS = Set.of("openedAt", "contacts", "longestContactMinutes", "companyFault",
            "investigationComplete", "managementAnswer", "severity", "callbacksDemanded", "departments",
            "demandedStaff", "targetedStaff");
    /** Scenarios run without the service's configuration, so phone numbers are read as in the default region. */
    static final PersonIds IDS = new PersonIds(PersonIds.DEFAULT_REGION);
    private static final OffsetDateTime NO_TIME = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    /** Reports a problem at one key of a mapping of the block, or at that key's value. */
    interface Problems {
        ScenarioException at(JsonNode mapping, String key, String message);

        /** A wrong value: at the value itself where it has a position of its own, else at its key. */
        ScenarioException atValue(JsonNode mapping, String key, String message);
    }

    private final Problems problems;
    /** Every problem of the block, so the author sees them all at once; thrown together by {@link #read}. */
    private final List<RuleProblem> found = new ArrayList<>();

    ScenarioMemory(Problems problems) {
        this.problems = problems;
    }

    Recollection read(JsonNode block, JsonNode incident) {
        mapping(block, null, "memory", KEYS);
        String from = block.has("from") ? attempt(() -> text(block, "from"), "earlier-contact") : "earlier-contact";
        OffsetDateTime at = DateTimes.parse(incident.path("occurredAt").asText()).orElse(NO_TIME);
        Source source = new Source(from, null, at);
        JsonNode caller = block.path("caller");
        JsonNode file = block.path("case");
        Recollection read = new Recollection(caller.isMissingNode() ? CallerMemory.NONE
                : attempt(() -> caller(block, caller, source), CallerMemory.NONE),
                file.isMissingNode() ? CaseMemory.NONE : attempt(() -> caseFile(block, file, source), CaseMemory.NONE));
        if (!found.isEmpty()) {
            throw new ScenarioException(found);
        }
        return read;
    }

    /** Reads one part; a problem in it is kept and the part read as {@code instead}, so the next part is checked too. */
    private <T> T attempt(Supplier<T> part, T instead) {
        try {
            return part.get();
        } catch (ScenarioException e) {
            found.addAll(e.problems());
            return instead;
        }
    }

    private CallerMemory caller(JsonNode block, JsonNode c, Source source) {
        mapping(c, block, "caller", CALLER_KEYS);
        Source blocked = attempt(() -> flag(c, "blocked", source), null);
        Source lifted = attempt(() -> flag(c, "lifted", source), null);
        Sourced<PoliceInvolvement> police = c.has("policeInvolvement")
                ? attempt(() -> Sourced.of(value(c, "policeInvolvement", PoliceInvolvement.class), source), null) : null;
        CallerMemory known = new CallerMemory(police, lifted == null ? blocked : null,
                attempt(() -> flag(c, "warned", source), null), Map.of(source.department(), source));
        if (lifted == null) {
            return known;
        }
        // The lift came after what memory knew; a block given with it was set again after the lift.
        return known.withoutBlock().combine(new CallerMemory(null, blocked, null, Map.of()));
    }

    private CaseMemory caseFile(JsonNode block, JsonNode k, Source source) {
        mapping(k, block, "case", CASE_KEYS);
        OffsetDateTime openedAt = null;
        if (k.has("openedAt")) {
            openedAt = attempt(() -> DateTimes.parse(k.get("openedAt").asText())
                    .orElseThrow(() -> problems.atValue(k, "openedAt", "openedAt must be a date-time with an offset")), null);
        }
        Map<String, Source> departments = new HashMap<>();
        for (String d : attempt(() -> strings(k, "departments"), List.<String>of())) {
            departments.put(d, new Source(d, null, source.at()));
        }
        return new CaseMemory(openedAt == null ? null : Sourced.of(openedAt, source), attempt(() -> integer(k, "contacts"), 0),
                k.has("longestContactMinutes") ? attempt(() -> Sourced.of(integer(k, "longestContactMinutes"), source), null) : null,
                k.has("companyFault") ? attempt(() -> Sourced.of(value(k, "companyFault", CompanyFault.class), source), null) : null,
                attempt(() -> flag(k, "investigationComplete", source), null),
                k.has("managementAnswer")
                        ? attempt(() -> Sourced.of(value(k, "managementAnswer", ManagementAnswer.class), source), null) : null,
                k.has("severity") ? attempt(() -> Sourced.of(value(k, "severity", Severity.class), source), null) : null,
                attempt(() -> flag(k, "callbacksDemanded", source), null), departments,
                attempt(() -> staff(k, "demandedStaff", source), Map.of()),
                attempt(() -> staff(k, "targetedStaff", source), Map.of()));
    }

    private void mapping(JsonNode n, JsonNode parent, String key, Set<String> allowed) {
        if (!n.isObject()) {
            throw problems.at(parent == null ? n : parent, key, "'" + key + "' must be a mapping");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                found.addAll(problems.at(n, k, "unknown key '" + k + "' in memory" + (parent == null ? "" : "." + key)
                        + Spelling.closest(k, allowed).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " allowed: " + new TreeSet<>(allowed)).problems());
            }
        });
    }

    private Source flag(JsonNode n, String key, Source source) {
        if (!n.has(key)) {
            return null;
        }
        if (!n.get(key).isBoolean()) {
            throw problems.at(n, key, "'" + key + "' must be true or false");
        }
        return n.get(key).booleanValue() ? source : null;
    }

    private int integer(JsonNode n, String key) {
        if (!n.has(key)) {
            return 0;
        }
        if (!n.get(key).canConvertToExactIntegral() || n.get(key).asInt() < 0) {
            throw problems.at(n, key, "'" + key + "' must be a whole number of at least 0");
        }
        return n.get(key).asInt();
    }

    private String text(JsonNode n, String key) {
        if (!n.get(key).isTextual() || n.get(key).asText().isBlank()) {
            throw problems.at(n, key, "'" + key + "' must be a name");
        }
        return n.get(key).asText();
    }

    private <E extends Enum<E>> E value(JsonNode n, String key, Class<E> type) {
        String v = n.get(key).asText();
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (!names.contains(v)) {
            throw problems.atValue(n, key, "'" + v + "' is not a " + key
                    + Spelling.closest(v, names).map(s -> "; did you mean '" + s + "'?").orElse("") + " allowed: " + names);
        }
        return Enum.valueOf(type, v);
    }

    private List<String> strings(JsonNode n, String key) {
        JsonNode list = n.path(key);
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw problems.at(n, key, "'" + key + "' must be a list of names");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw problems.at(n, key, "'" + key + "' must be a list of names");
            }
            out.add(item.asText());
        }
        return out;
    }

    private Map<String, Source> staff(JsonNode n, String key, Source source) {
        Map<String, Source> out = new HashMap<>();
        strings(n, key).forEach(id -> out.put(IDS.normalise(id), source));
        return out;
    }
}
