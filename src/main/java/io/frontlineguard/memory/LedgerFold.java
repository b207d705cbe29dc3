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
    /**
     * Rows parsed once for every fold of this process: the recent rows of about a thousand busy
     * subjects (their entries since their last snapshot), a few tens of MiB at most.
     */
    static final ParsedFacts PARSED = new ParsedFacts(20_000);

    private CallerMemory caller = CallerMemory.NONE;
    private CaseMemory caseFile = CaseMemory.NONE;
    private final Deque<CallerRecord.ContactRecord> contacts = new ArrayDeque<>();
    private final Set<String> callerKeys = new LinkedHashSet<>();
    private int callerEntries;
    private int caseEntries;
    private boolean anyCaller;
    private boolean anyCase;

    static LedgerFold of(List<LedgerEntry> entries) {
        LedgerFold fold = new LedgerFold();
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
                case "SNAPSHOT" -> PARSED.of(e.id(), e.facts(), CallerMemory.class);
                case "LIFT" -> caller.lifted(e.personSource(), liftedBlocks(e));
                case "CORRECTION" -> corrected(e);
                default -> caller.combine(PARSED.of(e.id(), e.facts(), CallerMemory.class));
            };
        } else {
            anyCase = true;
            caseEntries++;
            if (e.snapshot()) {
                caseFile = PARSED.of(e.id(), e.facts(), CaseMemory.class);
                contacts.clear();
                if (e.detail() != null) {
                    // Keyed apart from the row's facts, which share its id.
                    contacts.addAll(PARSED.of(-e.id(), e.detail(), SnapshotContacts.class).contacts());
                }
                return;
            }
            caseFile = caseFile.combine(PARSED.of(e.id(), e.facts(), CaseMemory.class));
            if ("CONTACT".equals(e.kind())) {
                contacts.addLast(new CallerRecord.ContactRecord(e.incidentKey(), e.department(), e.occurredAt(),
                        e.decisionId(), "migrated".equals(e.assertedBy()) ? null : e.assertedBy(), e.receivedAt()));
                while (contacts.size() > LATEST_CONTACTS) {
                    contacts.removeFirst();
                }
            }
        }
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
