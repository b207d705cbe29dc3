-- Case memory as an append-only ledger: every row is what one system asserted about one subject
-- (a caller's pseudonym, or a case id), with who asserted it and when the service received it.
-- What memory holds is the fold of a subject's rows in the order of receipt (id); nothing is
-- ever rewritten in place, so a decision reads once and inserts once without locking a hot row.
--
-- subject_type 'P' (a person: subject is the caller's pseudonym) or 'C' (a case: subject is the
-- case id, caller_key the case's caller, for erasure and key rotation).
-- kind: CONTACT (a recorded decision), FLAG (a person added a flag), CORRECTION (a person
-- corrected a fact; detail says which and to what), LIFT (a block lifted), SNAPSHOT (the fold of
-- every row of the subject with id <= covers, so reads stay short), MIGRATED (a V1 document).
-- received_at is the server's clock; occurred_at is the incident's own time and orders nothing.

create table memory_entry (
    id           bigserial    primary key,
    subject_type char(1)      not null check (subject_type in ('P', 'C')),
    subject      varchar(160) not null,
    caller_key   varchar(80),
    kind         varchar(16)  not null,
    facts        jsonb,
    detail       jsonb,
    asserted_by  varchar(128) not null,
    department   varchar(64),
    received_at  timestamptz  not null,
    occurred_at  timestamptz,
    decision_id  varchar(64),
    incident_key varchar(160),
    covers       bigint
);
create index memory_entry_subject on memory_entry (subject_type, subject, id);
create index memory_entry_snapshot on memory_entry (subject_type, subject, covers) where kind = 'SNAPSHOT';
create index memory_entry_caller on memory_entry (caller_key);

-- Incident ids are namespaced by the calling system ("system/incidentId"); ids recorded before
-- that are kept as they were and marked legacy, so a retry across the upgrade still counts once.
alter table memory_incident alter column incident_id type varchar(300);
alter table memory_incident add column legacy boolean not null default false;
update memory_incident set legacy = true;

-- Every V1 document becomes one MIGRATED row of its subject, received when it was last written
-- (so that retention counts from the same time), and every contact one CONTACT row of its case.
insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, received_at)
select 'P', caller_key, caller_key, 'MIGRATED', facts, 'migrated', last_recorded
from memory_caller order by first_recorded, caller_key;

insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, received_at)
select 'C', case_id, caller_key, 'MIGRATED', jsonb_set(facts, '{contacts}', '0'), 'migrated', first_recorded
from memory_case order by first_recorded, case_id;

insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, department, received_at,
                          occurred_at, decision_id, incident_key)
select 'C', t.case_id, k.caller_key, 'CONTACT', '{"contacts": 1}'::jsonb, 'migrated', t.department,
       greatest(t.recorded_at, k.first_recorded), t.occurred_at, t.decision_id, t.incident_key
from memory_contact t join memory_case k on k.case_id = t.case_id
order by t.recorded_at, t.occurred_at, t.incident_key;

-- A case's last write counts for retention: its newest row carries it.
update memory_entry e set received_at = k.last_recorded
from memory_case k
where e.subject_type = 'C' and e.subject = k.case_id
  and e.id = (select max(n.id) from memory_entry n where n.subject_type = 'C' and n.subject = k.case_id);

drop table memory_contact;
drop table memory_case;
drop table memory_caller;
