-- Each contact keeps the offset its incident was reported at (occurredAt's, in minutes east of
-- UTC): timestamptz keeps only the instant, so a case officer saw every contact at one offset,
-- the case's. Added as a nullable column, no row rewritten: a row written before has none and
-- reads as it did (in UTC, shown at the case's offset). Numbered 70 to leave 62-69 to changes
-- being made beside this one.
alter table memory_entry add column occurred_offset_minutes smallint;
