-- Kept by V3 for pods that still marked every published row (before V3): their relay found its
-- work through outbox_unpublished, their retention through outbox_published_at. Pods of V3 and
-- later use the watermark, and published_at is never written: outbox_unpublished now covers every
-- row (published_at is null throughout) and costs an index entry per result for nothing. A
-- deployment still running a version before V3 must first roll out a V3..V5 version (README of
-- docs/operations.md, "Upgrades"). Dropped concurrently: every batch writes to the outbox meanwhile.
drop index concurrently if exists outbox_unpublished;
drop index concurrently if exists outbox_published_at;
