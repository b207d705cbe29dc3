-- pgbench script: the case-memory store's read for one decision, exactly as MemoryStore.recall issues
-- it (the caller's and the case's ledger entries since their snapshots, and the incident id's row).
-- With ledger-write.sql (-f both) it is one decision's whole store work.
\set c random(1, :callers)
\set k random(1, :cases)
with p as (select coalesce(max(covers), 0) c from memory_entry where subject_type = 'P'
           and subject = any(array['hmac:bench-caller-' || cast(:c as text)]::varchar[]) and kind = 'SNAPSHOT'),
     k as (select coalesce(max(covers), 0) c from memory_entry where subject_type = 'C'
           and subject = 'bench-case-' || cast(:k as text) and kind = 'SNAPSHOT')
select id, subject_type, subject, caller_key, kind, facts::text, detail::text, asserted_by, department, received_at,
       occurred_at, decision_id, incident_key, covers
from memory_entry e
where (e.subject_type = 'P' and e.subject = any(array['hmac:bench-caller-' || cast(:c as text)]::varchar[]) and e.id > (select c from p))
   or (e.subject_type = 'C' and e.subject = 'bench-case-' || cast(:k as text) and e.id > (select c from k))
union all
select -1, 'I', null, null, case when legacy then 'LEGACY' else 'OWN' end, recollection::text, null, request_digest, null,
       null, null, decision_id, null, null
from memory_incident where incident_id = 'bench/none-' || cast(:c as text) or (incident_id = 'none' and legacy);
