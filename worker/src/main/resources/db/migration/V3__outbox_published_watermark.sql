-- The relay marked every row it published (published_at): an UPDATE per result, which wrote each
-- row a second time with new entries in three indexes, and left as many dead rows for autovacuum
-- after a burst. The relay publishes in seq order and the outbox has no gaps in seq, so one number
-- says the same: every row with seq <= up_to_seq is in Kafka, no row above it is.
create table outbox_published (
    id        boolean primary key default true check (id),
    up_to_seq bigint      not null,
    at        timestamptz not null
);
-- Published rows were always a prefix of seq. Below the first unpublished row, or everything the
-- outbox ever took when nothing is left unpublished (published rows may have been purged already).
insert into outbox_published (up_to_seq, at)
select coalesce((select min(seq) - 1 from outbox where published_at is null),
                (select last_seq from outbox_sequence)),
       now();

-- Retention now forgets results by when they were written, as it forgets request ids by when they
-- completed, and only below the watermark. A purge slice reads this index from its oldest end.
create index outbox_created_at on outbox (created_at);

-- published_at is no longer written. Its partial indexes go: "published_at is null" would now hold
-- every new row. The column itself stays until no worker of an earlier version can run against
-- this schema (during a rolling update the old pods still read it; their relay then finds its
-- unpublished rows without an index, slower, and correct).
drop index outbox_unpublished;
drop index outbox_published_at;
