package io.frontlineguard.memory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.frontlineguard.incident.PoliceInvolvement;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the company remembers about one caller, whichever department learned it. A null source
 * means "not so": not blocked, never warned. Police involvement is the strongest ever reported.
 * {@code departments} names the latest {@link Facts#KEPT} departments, {@code departmentCount}
 * counts them all. {@code lift} is the last lift of a block with what it covered, and
 * {@code policeCorrected} / {@code warnedCorrected} what people corrected away: facts already
 * settled by a person are not brought back by a client that repeats them. {@code blocks} holds every
 * source that blocks the caller, keyed by its department (a department, or a case officer's flag
 * source such as legal), so that a lift lifts the blocks it names and not one that another source
 * set; {@code blocked} is the first of them to be received, or null when none blocks.
 */
public record CallerMemory(Sourced<PoliceInvolvement> police, Source blocked, Source warned,
                           Map<String, Source> departments, int departmentCount, Lift lift,
                           PoliceInvolvement policeCorrected, boolean warnedCorrected, Map<String, Source> blocks) {

    public static final CallerMemory NONE = new CallerMemory(null, null, null, Map.of());

    /** A lifted block: who lifted it, and the police involvement already known then, which it covers. */
    public record Lift(Source source, PoliceInvolvement covers) {
    }

    public CallerMemory {
        departments = departments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(departments));
        departmentCount = Math.max(departmentCount, departments.size());
        // Memory written before blocks were kept by source knows one block: its first source's.
        if ((blocks == null || blocks.isEmpty()) && blocked != null) {
            blocks = Map.of(blockKey(blocked), blocked);
        }
        blocks = blocks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        if (blocked == null && !blocks.isEmpty()) {
            blocked = blocks.values().iterator().next();
        }
    }

    public CallerMemory(Sourced<PoliceInvolvement> police, Source blocked, Source warned, Map<String, Source> departments) {
        this(police, blocked, warned, departments, departments.size(), null, null, false, null);
    }

    /** The name a block is lifted by: the department (or flag source) that set it. */
    public static String blockKey(Source source) {
        return source.department() == null ? "unknown" : source.department();
    }

    /**
     * This memory followed by {@code later}, received after it: the stronger police involvement
     * (unless people corrected it away), blocked or warned if either says so, every department and
     * every blocking source. Each fact keeps the source that asserted it first.
     */
    public CallerMemory combine(CallerMemory later) {
        Sourced<PoliceInvolvement> reported = later.police;
        if (reported != null && policeCorrected != null && reported.value().compareTo(policeCorrected) <= 0) {
            reported = null; // a client repeating what a person corrected away
        }
        return new CallerMemory(stronger(police, reported), Source.earlier(blocked, later.blocked),
                Source.earlier(warned, later.warned), Facts.union(departments, later.departments),
                departmentCount + Facts.added(departments, later.departments), later.lift != null ? later.lift : lift,
                policeCorrected, warnedCorrected, Facts.union(blocks, later.blocks));
    }

    /** The same memory with every block lifted; police involvement and warnings stay, covered by the lift. */
    public CallerMemory withoutBlock() {
        return lifted(null, null);
    }

    /**
     * The blocks of {@code sources} lifted ({@code null}: every block, as lifts recorded before
     * lifts named their blocks did). A block another source set stays, and so the caller stays blocked.
     */
    CallerMemory lifted(Source by, Collection<String> sources) {
        Map<String, Source> remaining = new LinkedHashMap<>(blocks);
        if (sources == null) {
            remaining.clear();
        } else {
            remaining.keySet().removeAll(sources);
        }
        Source still = remaining.isEmpty() ? null
                : remaining.containsKey(blockKey(blocked)) ? blocked : remaining.values().iterator().next();
        PoliceInvolvement covers = police == null ? PoliceInvolvement.NONE : police.value();
        return new CallerMemory(police, still, warned, departments, departmentCount, new Lift(by, covers),
                policeCorrected, warnedCorrected, remaining);
    }

    /** Police involvement as a person corrected it; what it was before stays corrected away. */
    CallerMemory correctedPolice(PoliceInvolvement value, Source by) {
        PoliceInvolvement before = police == null ? PoliceInvolvement.NONE : police.value();
        PoliceInvolvement away = before.compareTo(value) > 0 ? before : null;
        if (policeCorrected != null && (away == null || policeCorrected.compareTo(away) > 0)) {
            away = policeCorrected;
        }
        return new CallerMemory(value == PoliceInvolvement.NONE ? null : Sourced.of(value, by), blocked, warned,
                departments, departmentCount, lift, away, warnedCorrected, blocks);
    }

    CallerMemory correctedWarned(boolean value, Source by) {
        return new CallerMemory(police, blocked, value ? by : null, departments, departmentCount, lift, policeCorrected, !value,
                blocks);
    }

    /**
     * Whether a lift covers everything memory holds against this caller: no block since, and no
     * police involvement stronger than the lift knew of. The rules then do not block on these facts.
     */
    @JsonIgnore
    public boolean blockLifted() {
        return lift != null && blocked == null
                && (police == null || police.value().compareTo(lift.covers()) <= 0);
    }

    private static Sourced<PoliceInvolvement> stronger(Sourced<PoliceInvolvement> a, Sourced<PoliceInvolvement> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.value().compareTo(a.value()) > 0 ? b : a;
    }
}
