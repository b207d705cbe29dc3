package io.frontlineguard.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one or more decided incidents, written by one statement: each column travels as one
 * array parameter and is unnested on the server, so the statement's text (and so its plan) is the
 * same however many incidents it carries, and the server parses and plans it once per batch
 * instead of once per decision. An incident's entries are inserted only when its incident row is,
 * exactly as for a single write: a retry that raced its original adds nothing.
 */
final class LedgerRows {

    /** Data-modifying CTEs all run; the entries' CTE sees which incident rows were new through {@code inc}. */
    private static final String INSERT = "with inc as (insert into memory_incident (incident_id, request_digest, decision_id,"
            + " caller_key, case_id, recollection, recorded_at) select i, d, n, ck, cs, r::jsonb, ?"
            + " from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[]) as t(i, d, n, ck, cs, r)"
            + " on conflict do nothing returning incident_id),"
            + " ent as (insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, department,"
            + " received_at, occurred_at, occurred_offset_minutes, decision_id, incident_key) select st::char(1), s, ck,"
            + " 'CONTACT', f::jsonb, a, dep, ?, occ::timestamptz, off, dec, ik from unnest(?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::text[], ?::smallint[], ?::varchar[],"
            + " ?::varchar[]) with ordinality as t(gate, st, s, ck, f, a, dep, occ, off, dec, ik, n)"
            + " where gate is null or gate in (select incident_id from inc) order by n)"
            + " select incident_id from inc";

    private final List<String> incidentId = new ArrayList<>();
    private final List<String> digest = new ArrayList<>();
    private final List<String> incidentDecision = new ArrayList<>();
    private final List<String> incidentCaller = new ArrayList<>();
    private final List<String> incidentCase = new ArrayList<>();
    private final List<String> recollection = new ArrayList<>();

    private final List<String> gate = new ArrayList<>();
    private final List<String> subjectType = new ArrayList<>();
    private final List<String> subject = new ArrayList<>();
    private final List<String> callerKey = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    private final List<String> assertedBy = new ArrayList<>();
    private final List<String> department = new ArrayList<>();
    private final List<String> occurredAt = new ArrayList<>();
    /** The incident's offset, which timestamptz does not keep: a contact is shown at its own local time. */
    private final List<Short> occurredOffset = new ArrayList<>();
    private final List<String> decisionId = new ArrayList<>();
    private final List<String> contactKey = new ArrayList<>();

    void add(MemoryStore.Write w) {
        Contribution k = w.contribution();
        Contribution.Contact contact = k.contact();
        if (w.incidentKey() != null) {
            incidentId.add(w.incidentKey());
            digest.add(w.requestDigest());
            incidentDecision.add(contact.decisionId());
            incidentCaller.add(k.callerKey());
            incidentCase.add(k.caseId());
            recollection.add(MemoryJson.write(w.recollection()));
        }
        // The row's columns hold the decision's own source; its facts name it only where it differs (RowFacts).
        Source here = new Source(contact.department(), contact.decisionId(), contact.occurredAt(), w.system(), null, null);
        if (k.caller() != null) {
            entry(w, LedgerEntry.PERSON, k.callerKey(), RowFacts.write(k.caller(), here), null);
        }
        if (k.caseFile() != null) {
            entry(w, LedgerEntry.CASE, k.caseId(), RowFacts.write(k.caseFile(), here), contact.incidentKey());
        }
    }

    private void entry(MemoryStore.Write w, char type, String about, String json, String incidentKey) {
        Contribution.Contact contact = w.contribution().contact();
        gate.add(w.incidentKey());
        subjectType.add(String.valueOf(type));
        subject.add(about);
        callerKey.add(w.contribution().callerKey());
        facts.add(json);
        assertedBy.add(w.system());
        department.add(contact.department());
        occurredAt.add(contact.occurredAt() == null ? null : contact.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        occurredOffset.add(contact.occurredAt() == null ? null
                : (short) (contact.occurredAt().getOffset().getTotalSeconds() / 60));
        decisionId.add(contact.decisionId());
        contactKey.add(incidentKey);
    }

    /** Inserts every row in one statement, every row received at {@code now}; returns the incident keys that were new. */
    Set<String> insert(Connection c, OffsetDateTime now, Jdbc jdbc) throws SQLException {
        Set<String> inserted = new HashSet<>();
        if (incidentId.isEmpty() && gate.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement s = jdbc.prepare(c, INSERT, now, varchars(c, incidentId), varchars(c, digest),
                varchars(c, incidentDecision), varchars(c, incidentCaller), varchars(c, incidentCase), texts(c, recollection),
                now, varchars(c, gate), varchars(c, subjectType), varchars(c, subject), varchars(c, callerKey),
                texts(c, facts), varchars(c, assertedBy), varchars(c, department), texts(c, occurredAt),
                c.createArrayOf("int2", occurredOffset.toArray()), varchars(c, decisionId), varchars(c, contactKey)); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                inserted.add(r.getString(1));
            }
        }
        return inserted;
    }

    private static java.sql.Array varchars(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray());
    }

    private static java.sql.Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
