-- pgbench script: the case-memory store's own write for one decision, exactly as MemoryStore.record
-- issues it (one statement: the incident row and, only if it is new, the caller's and the case's
-- ledger entries), with contributions of the size the HTTP benchmark's incident makes. The HTTP
-- benchmark runs it against the same server as the "limit" memory-on decisions are compared with.
--   pgbench -n -c 16 -j 2 -T 20 -D callers=200 -D cases=1000 -f src/bench/http/ledger-write.sql
\set c random(1, :callers)
\set k random(1, :cases)
with inc as (insert into memory_incident (incident_id, request_digest, decision_id, caller_key, case_id, recollection,
                                          recorded_at)
             values ('bench/' || gen_random_uuid(), 'hmac:0000000000000000000000000000000000000000000000000000000000000000',
                     gen_random_uuid()::text, 'hmac:bench-caller-' || :c, 'bench-case-' || :k, '{"caller": {}, "caseFile": {}}'::jsonb,
                     now())
             on conflict do nothing returning 1)
insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, department, received_at, occurred_at,
                          decision_id, incident_key)
select * from (values
    ('P'::char(1), ('hmac:bench-caller-' || :c)::varchar, ('hmac:bench-caller-' || :c)::varchar, 'CONTACT'::varchar,
     '{"warned": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}, "departments": {"call-center": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "departmentCount": 1, "warnedCorrected": false}'::jsonb, 'bench'::varchar, 'call-center'::varchar, now(), timestamptz '2026-11-23T21:10:00+09:00',
     gen_random_uuid()::varchar, null::varchar),
    ('C'::char(1), ('bench-case-' || :k)::varchar, ('hmac:bench-caller-' || :c)::varchar, 'CONTACT'::varchar,
     '{"openedAt": {"value": "2026-09-01T10:00:00+09:00", "source": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "contacts": 1, "longestContactMinutes": {"value": 75, "source": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "severity": {"value": "MEDIUM", "source": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "departments": {"call-center": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "demandedStaff": {}, "targetedStaff": {"hmac:0000000000000000000000000000000000000000000000000000000000000000": {"department": "call-center", "decisionId": "00000000-0000-0000-0000-000000000000", "at": "2026-11-23T21:10:00+09:00", "assertedBy": "bench", "receivedAt": "2026-12-07T05:00:00.000000Z"}}, "departmentCount": 1}'::jsonb, 'bench'::varchar, 'call-center'::varchar, now(), timestamptz '2026-11-23T21:10:00+09:00',
     gen_random_uuid()::varchar, 'BENCH'::varchar)) v
where exists (select 1 from inc);
