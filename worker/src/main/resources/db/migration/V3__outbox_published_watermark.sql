-- The relay marked every row it published (published_at): an UPDATE per result, which wrote each
-- row a second time with new index entries, and left as many dead rows for autovacuum after a
-- burst. The relay publishes in seq order and the outbox has no gaps in seq, so one number says
-- the same: every row with seq <= up_to_seq is in Kafka, no row above it is.
create table outbox_published (
    id        boolean primary key default true check (id),
    up_to_seq bigint      not null,
    -- when the relay last moved it: how long ago anything was published, for an operator
    at        timestamptz not null
);
-- Published rows were always a prefix of seq. Below the first unpublished row, or everything the
-- outbox ever took when nothing is left unpublished (published rows may have been purged already).
insert into outbox_published (up_to_seq, at)
select coalesce((select min(seq) - 1 from outbox where published_at is null),
                (select last_seq from outbox_sequence)),
       now();

-- published_at is no longer written, but pods of the previous version still read and write it
-- during a rolling update: their relay finds its work through outbox_unpublished, their retention
-- through outbox_published_at. The column and both indexes go in a later version.
