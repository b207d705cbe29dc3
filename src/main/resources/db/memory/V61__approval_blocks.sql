-- A lift names the blocks it lifts (their sources: a department, or a case officer's flag source),
-- fixed when it is asked for, so that an approval never lifts a block another source set
-- meanwhile. Null for an erasure, and for lifts asked for before this column, which lift every block.
alter table memory_approval add column blocks jsonb;
