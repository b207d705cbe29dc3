-- psql script (run.sh, after the load): how PostgreSQL plans a decision's read, exactly as
-- MemoryStore.RECALL issues it, for the busiest caller and case the run left, in the plan cache
-- mode given as -v mode=... (auto: PostgreSQL's own choice; force_generic_plan: the service's
-- connections since issue 28's speed work). The read is executed five times first, as a pooled
-- connection would have, then EXPLAIN (ANALYZE) shows the sixth: its planning and execution time,
-- and whether its plan is generic ($1 in its conditions) and reads the subject index.
select subject as p from memory_entry where subject_type = 'P' group by subject order by count(*) desc limit 1 \gset
select subject as k from memory_entry where subject_type = 'C' group by subject order by count(*) desc limit 1 \gset
set plan_cache_mode = :mode;
prepare recall (varchar[], varchar, varchar[], varchar, varchar, varchar) as
with p as (select coalesce(max(covers), 0) c from memory_entry where subject_type = 'P'
           and subject = any($1) and kind = 'SNAPSHOT'),
     k as (select coalesce(max(covers), 0) c from memory_entry
           where subject_type = 'C' and subject = $2 and kind = 'SNAPSHOT')
select id, subject_type, subject, caller_key, kind, facts::text, detail::text, asserted_by, department, received_at,
       occurred_at, decision_id, incident_key, covers
from memory_entry e
where (e.subject_type = 'P' and e.subject = any($3) and e.id > (select c from p))
   or (e.subject_type = 'C' and e.subject = $4 and e.id > (select c from k))
union all
select -1, 'I', null, null, case when legacy then 'LEGACY' else 'OWN' end, recollection::text, null, request_digest, null,
       null, null, decision_id, null, null
from memory_incident where incident_id = $5 or (incident_id = $6 and legacy);
\set args '(array[' :'p' ']::varchar[], ' :'k' ', array[' :'p' ']::varchar[], ' :'k' ', ''bench/none'', ''none'')'
execute recall :args \g /dev/null
execute recall :args \g /dev/null
execute recall :args \g /dev/null
execute recall :args \g /dev/null
execute recall :args \g /dev/null
explain (analyze, costs off) execute recall :args;
