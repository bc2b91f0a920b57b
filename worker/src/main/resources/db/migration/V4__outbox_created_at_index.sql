-- Retention now forgets results by when they were written (and only below the published
-- watermark), as it forgets request ids by when they completed; a purge slice reads this index
-- from its oldest end. Built concurrently (Flyway runs this file outside a transaction): the
-- outbox holds a retention window of results, and every batch writes to it meanwhile.
create index concurrently if not exists outbox_created_at on outbox (created_at);
