-- Relay leadership was a PostgreSQL session advisory lock. A frozen leader (SIGSTOP, a long GC
-- pause, a network partition) keeps its session, and with it the lock, while publishing nothing:
-- every partner's results stopped until someone killed it. Leadership is now a lease that its
-- holder renews every few seconds and that anyone may take once it has expired; a frozen holder
-- that wakes finds it lost, and Kafka's transactional id fences it should it still try to commit.
-- now() on the database decides expiry, so the instances' clocks need not agree.
create table relay_lease (
    id         boolean primary key default true check (id),
    -- who holds it, for an operator: host, pid and a random instance id
    holder     text,
    -- raised by every acquisition, so that a former holder's late renewal matches nothing
    epoch      bigint      not null,
    expires_at timestamptz not null
);
insert into relay_lease (holder, epoch, expires_at) values (null, 0, '-infinity');
