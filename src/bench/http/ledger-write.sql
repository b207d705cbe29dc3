-- pgbench script: the case-memory store's own write for one decision, exactly as MemoryStore.record
-- issues it (LedgerRows: one statement, each column an array; the incident row and, only if it is
-- new, the caller's and the case's ledger entries), here a batch of one decision, with
-- contributions of the size the HTTP benchmark's incident makes (since issue 28's speed work
-- without the provenance the row's columns hold: RowFacts). The service's group commit
-- (LedgerWriter) puts the decisions that wait together into one such statement; this is the
-- one-decision-per-commit write the HTTP benchmark runs against the same server as the "limit".
--   pgbench -n -c 16 -j 2 -T 20 -D callers=200 -D cases=1000 -f src/bench/http/ledger-write.sql
\set c random(1, :callers)
\set k random(1, :cases)
\set u random(1, 9000000000000000)
with inc as (insert into memory_incident (incident_id, request_digest, decision_id, caller_key, case_id, recollection,
                                          recorded_at)
             select i, d, n, ck, cs, r::jsonb, now()
             from unnest(array['bench/' || cast(:u as text)]::varchar[],
                         array['hmac:0000000000000000000000000000000000000000000000000000000000000000']::varchar[],
                         array[gen_random_uuid()::text]::varchar[], array['hmac:bench-caller-' || cast(:c as text)]::varchar[],
                         array['bench-case-' || cast(:k as text)]::varchar[], array['{"caller": {}, "caseFile": {}}']::text[])
                  as t(i, d, n, ck, cs, r)
             on conflict do nothing returning incident_id),
     ent as (insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, department, received_at,
                                       occurred_at, decision_id, incident_key)
             select st::char(1), s, ck, 'CONTACT', f::jsonb, a, dep, now(), occ::timestamptz, dec, ik
             from unnest(array['bench/' || cast(:u as text), 'bench/' || cast(:u as text)]::varchar[],
                         array['P', 'C']::varchar[],
                         array['hmac:bench-caller-' || cast(:c as text), 'bench-case-' || cast(:k as text)]::varchar[],
                         array['hmac:bench-caller-' || cast(:c as text), 'hmac:bench-caller-' || cast(:c as text)]::varchar[],
                         array['{"warned": {}, "departments": {"call-center": {}}, "departmentCount": 1, "warnedCorrected": false, "@source": {"at": "2026-11-23T21:10:00+09:00"}}', '{"openedAt": {"value": "2026-09-01T10:00:00+09:00", "source": {}}, "contacts": 1, "longestContactMinutes": {"value": 75, "source": {}}, "severity": {"value": "MEDIUM", "source": {}}, "departments": {"call-center": {}}, "demandedStaff": {}, "targetedStaff": {"hmac:0000000000000000000000000000000000000000000000000000000000000000": {}}, "departmentCount": 1, "@source": {"at": "2026-11-23T21:10:00+09:00"}}']::text[],
                         array['bench', 'bench']::varchar[], array['call-center', 'call-center']::varchar[],
                         array['2026-11-23T21:10:00+09:00', '2026-11-23T21:10:00+09:00']::text[],
                         array[gen_random_uuid()::text, gen_random_uuid()::text]::varchar[],
                         array[null, 'BENCH']::varchar[]) with ordinality
                  as t(gate, st, s, ck, f, a, dep, occ, dec, ik, n)
             where gate is null or gate in (select incident_id from inc) order by n)
select incident_id from inc;
