-- A result is written once, published within milliseconds and purged after the retention window:
-- compressing its payload (pglz, on by default for values over 2 kB) costs PostgreSQL CPU on every
-- write and every read for space that is given back soon anyway. Stored out of line, uncompressed.
alter table outbox alter column payload set storage external;
