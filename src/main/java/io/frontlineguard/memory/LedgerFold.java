package io.frontlineguard.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.PoliceInvolvement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subject's memory as the fold of its ledger entries in the order the service received them.
 * Which source of a fact counts is decided by that order, never by the incidents' own times.
 */
final class LedgerFold {

    /** How many of a case's contacts are listed by name; all are counted. */
    static final int LATEST_CONTACTS = 20;
    /** The store's rows parsed before (see {@link MemoryStore}); null: every row is parsed here. */
    private final ParsedFacts parsed;
    private CallerMemory caller = CallerMemory.NONE;
    private CaseMemory caseFile = CaseMemory.NONE;
    private final Deque<CallerRecord.ContactRecord> contacts = new ArrayDeque<>();
    private final Set<String> callerKeys = new LinkedHashSet<>();
    private int callerEntries;
    private int caseEntries;
    private boolean anyCaller;
    private boolean anyCase;

    private LedgerFold(ParsedFacts parsed) {
        this.parsed = parsed;
    }

    /** The fold of {@code entries}, each parsed here. */
    static LedgerFold of(List<LedgerEntry> entries) {
        return of(entries, null);
    }

    /** The fold of {@code entries}, parsing only the rows {@code parsed} has not seen. */
    static LedgerFold of(List<LedgerEntry> entries, ParsedFacts parsed) {
        LedgerFold fold = new LedgerFold(parsed);
        List<LedgerEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(LedgerEntry::position).thenComparing(e -> e.snapshot() ? 0 : 1));
        ordered.forEach(fold::add);
        return fold;
    }

    private void add(LedgerEntry e) {
        if (e.subjectType() == LedgerEntry.PERSON) {
            anyCaller = true;
            callerEntries++;
            callerKeys.add(e.subject());
            caller = switch (e.kind()) {
                case "SNAPSHOT" -> parse(e.id(), e.facts(), CallerMemory.class);
                case "LIFT" -> caller.lifted(e.personSource(), liftedBlocks(e));
                case "CORRECTION" -> corrected(e);
                default -> caller.combine(parse(e, CallerMemory.class));
            };
        } else {
            anyCase = true;
            caseEntries++;
            if (e.snapshot()) {
                caseFile = parse(e.id(), e.facts(), CaseMemory.class);
                contacts.clear();
                if (e.detail() != null) {
                    // Keyed apart from the row's facts, which share its id.
                    contacts.addAll(parse(-e.id(), e.detail(), SnapshotContacts.class).contacts());
                }
                return;
            }
            caseFile = caseFile.combine(parse(e, CaseMemory.class));
            if ("CONTACT".equals(e.kind())) {
                contacts.addLast(new CallerRecord.ContactRecord(e.incidentKey(), e.department(), e.occurredAt(),
                        e.decisionId(), "migrated".equals(e.assertedBy()) ? null : e.assertedBy(), e.receivedAt()));
                while (contacts.size() > LATEST_CONTACTS) {
                    contacts.removeFirst();
                }
            }
        }
    }

    private <T> T parse(long id, String text, Class<T> type) {
        return parsed == null ? MemoryJson.read(text, type) : parsed.of(id, text, type);
    }

    /** A contribution's facts, with the sources its row holds in its columns rebuilt from them (RowFacts). */
    private <T> T parse(LedgerEntry e, Class<T> type) {
        return parsed == null ? RowFacts.read(e, type) : parsed.of(e.id(), e.facts(), type, () -> RowFacts.read(e, type));
    }

    /** The contacts a case's snapshot lists in its detail. */
    record SnapshotContacts(List<CallerRecord.ContactRecord> contacts) {

        SnapshotContacts {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** The blocks a lift names; null for a lift recorded before lifts named them, which lifted every block. */
    private static List<String> liftedBlocks(LedgerEntry e) {
        JsonNode named = MemoryJson.tree(e.detail()).path("blocks");
        if (!named.isArray()) {
            return null;
        }
        List<String> blocks = new ArrayList<>();
        named.forEach(b -> blocks.add(b.asText()));
        return blocks;
    }

    private CallerMemory corrected(LedgerEntry e) {
        JsonNode d = MemoryJson.tree(e.detail());
        String value = d.path("value").asText();
        return switch (d.path("fact").asText()) {
            case Corrections.POLICE -> caller.correctedPolice(PoliceInvolvement.valueOf(value), e.personSource());
            case Corrections.WARNED -> caller.correctedWarned(Boolean.parseBoolean(value), e.personSource());
            default -> caller;
        };
    }

    CallerMemory caller() {
        return caller;
    }

    CaseMemory caseFile() {
        return caseFile;
    }

    List<CallerRecord.ContactRecord> contacts() {
        return List.copyOf(contacts);
    }

    /** The pseudonyms the caller's entries were found under, to move them to the newest key. */
    Set<String> callerKeys() {
        return callerKeys;
    }

    boolean knowsCaller() {
        return anyCaller;
    }

    boolean knowsCase() {
        return anyCase;
    }

    int callerEntries() {
        return callerEntries;
    }

    int caseEntries() {
        return caseEntries;
    }
}
