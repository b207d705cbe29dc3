-- Second-person approvals (lesson L000-3): a case officer asks to lift a block or to erase a
-- flagged caller; a different, authenticated user with the role executive approves or rejects.
-- Kept beside case memory so that every instance sees the same requests and a restart loses none.
-- subject is the caller's pseudonym, never the id in clear; an erasure clears it (and removes the
-- caller's pending requests), as it clears memory_change.subject.
create table memory_approval (
    id              varchar(40)  primary key,
    what            varchar(16)  not null,
    subject         varchar(80),
    requested_by    varchar(128) not null,
    reason          text         not null,
    created_at      timestamptz  not null,
    status          varchar(16)  not null,
    decided_by      varchar(128),
    decided_at      timestamptz,
    decision_reason text
);
-- One open request per change and caller: a second one would be approved twice.
create unique index memory_approval_pending on memory_approval (subject, what) where status = 'PENDING';
create index memory_approval_subject on memory_approval (subject);
create index memory_approval_decided on memory_approval (decided_at);
