-- Case memory. Callers and employees appear only as keyed HMAC pseudonyms (caller_key and the
-- staff keys inside case facts); department names, case ids and incident ids are the company's own.
-- Facts are JSON documents combined in the service under a row lock, so concurrent decisions on
-- several instances serialise per caller and per case and none overwrites another's facts.

create table memory_caller (
    caller_key     varchar(80) primary key,
    facts          jsonb       not null,
    first_recorded timestamptz not null,
    last_recorded  timestamptz not null
);

create table memory_case (
    case_id        varchar(128) primary key,
    caller_key     varchar(80),
    facts          jsonb        not null,
    first_recorded timestamptz  not null,
    last_recorded  timestamptz  not null
);
create index memory_case_caller on memory_case (caller_key);

-- One row per distinct incident on a case: the primary key is what makes a retry count once.
create table memory_contact (
    case_id      varchar(128) not null references memory_case (case_id) on delete cascade,
    incident_key varchar(140) not null,
    department   varchar(64)  not null,
    occurred_at  timestamptz  not null,
    decision_id  varchar(64)  not null,
    recorded_at  timestamptz  not null,
    primary key (case_id, incident_key)
);

-- Every recorded incident id with the recollection it was decided from, so that a retry is
-- answered from the same facts. request_digest is an HMAC of the request, never the request.
create table memory_incident (
    incident_id    varchar(128) primary key,
    request_digest varchar(80)  not null,
    decision_id    varchar(64)  not null,
    caller_key     varchar(80),
    case_id        varchar(128),
    recollection   jsonb        not null,
    recorded_at    timestamptz  not null
);
create index memory_incident_caller on memory_incident (caller_key);
create index memory_incident_case on memory_incident (case_id);
create index memory_incident_recorded on memory_incident (recorded_at);

-- Changes made by people (case officers, admins) and by the retention purge: who, when, what, why.
-- subject is the caller's pseudonym; an erasure clears it from every entry about that caller.
create table memory_change (
    id          bigserial    primary key,
    at          timestamptz  not null,
    actor       varchar(128) not null,
    change      varchar(32)  not null,
    subject     varchar(80),
    reason      text,
    approved_by varchar(128),
    detail      jsonb
);
create index memory_change_subject on memory_change (subject);
