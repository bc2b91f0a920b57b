-- The worker's store. Every business table carries the partner (tenant) directly or through its
-- customer, and every rule the catalogue calls "unique" is a constraint here, so that two worker
-- instances racing each other cannot break it even if the application checks miss the race.

-- Onboarding templates. provisioning_id is what customers quote.
create table template (
    provisioning_id              uuid primary key,
    partner_id                   text        not null,
    name                         text        not null,
    country                      text        not null,
    language                     text        not null,
    service_provider_admin_email text        not null,
    wholesale_subscription_id    text        not null,
    auth_method                  text        not null,
    idp_entity_id                text,
    pstn_provider                text,
    brand_name                   text        not null,
    restrict_admin_invite_emails boolean     not null,
    disable_webex_calling        boolean     not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    deleted_at                   timestamptz
);
create unique index template_name_per_partner on template (partner_id, name) where deleted_at is null;

-- Customer organisations. A deprovisioned customer keeps its row (ids stay resolvable) and frees
-- its external id for a new customer.
create table customer (
    id                       uuid primary key,
    partner_id               text        not null,
    external_id              text        not null,
    provisioning_id          uuid        not null references template,
    name                     text        not null,
    primary_email            text        not null,
    language                 text        not null,
    package                  text        not null,
    package_limits           jsonb,
    region                   text        not null,
    headquarters_location_id uuid        not null,
    administrator_id         uuid        not null,
    state                    text        not null check (state in ('ACTIVE', 'DEPROVISIONED')),
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    deprovisioned_at         timestamptz
);
create unique index customer_external_id_per_partner on customer (partner_id, external_id) where state = 'ACTIVE';
create index customer_by_template on customer (provisioning_id) where state = 'ACTIVE';

create table location (
    id                            uuid primary key,
    customer_id                   uuid        not null references customer,
    name                          text        not null,
    address_line1                 text        not null,
    address_line2                 text,
    city                          text,
    state_or_province             text,
    zip_or_postal_code            text,
    country                       text        not null,
    timezone                      text        not null,
    language                      text,
    emergency_location_identifier text,
    created_at                    timestamptz not null,
    constraint location_name_per_customer unique (customer_id, name)
);

-- Users ("subscribers" in the wholesale API). E-mail and phone number are unique across the whole
-- system, like a global identity; an extension is unique within its location.
create table subscriber (
    id               uuid primary key,
    customer_id      uuid        not null references customer,
    location_id      uuid        not null references location,
    email            text        not null,
    first_name       text,
    last_name        text,
    package          text        not null,
    phone_number     text,
    extension        text,
    is_administrator boolean     not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index subscriber_email on subscriber (email);
create unique index subscriber_phone_number on subscriber (phone_number) where phone_number is not null;
create unique index subscriber_extension_per_location on subscriber (location_id, extension) where extension is not null;
create index subscriber_by_customer on subscriber (customer_id, package);
create index subscriber_by_location on subscriber (location_id);

-- Idempotency: every request id a partner has sent, with a hash of its content. The first content
-- seen for an id is the original; a later, different content is a refused reuse and is recorded
-- too, so that its own redelivery does not produce a second refusal.
create table request_log (
    partner_id      text        not null,
    request_id      text        not null,
    content_hash    bytea       not null,
    request_type    text        not null,
    is_original     boolean     not null,
    state           text        not null check (state in ('WAITING', 'COMPLETED')),
    result_event_id uuid,
    received_at     timestamptz not null,
    completed_at    timestamptz,
    primary key (partner_id, request_id, content_hash)
);
create unique index request_log_original on request_log (partner_id, request_id) where is_original;
create index request_log_completed_at on request_log (completed_at) where completed_at is not null;

-- Requests that arrived before their customer. arrival_seq keeps their order.
create table waiting_request (
    arrival_seq          bigserial primary key,
    partner_id           text        not null,
    customer_external_id text        not null,
    request_id           text        not null,
    request_type         text        not null,
    record_key           text,
    event                bytea       not null,
    received_at          timestamptz not null,
    deadline             timestamptz not null
);
create index waiting_request_by_customer on waiting_request (partner_id, customer_external_id, arrival_seq);
create index waiting_request_by_deadline on waiting_request (deadline);

-- Transactional outbox: result events and dead letters, written in the same transaction as the
-- change they report, published by the relay in seq order.
create table outbox (
    seq              bigint primary key,
    topic            text        not null,
    record_key       text,
    event_id         text,
    payload          bytea,
    headers          jsonb       not null,
    created_at       timestamptz not null,
    published_at     timestamptz,
    -- where a dead letter came from, so that a redelivered record is dead-lettered once
    source_topic     text,
    source_partition integer,
    source_offset    bigint,
    source_hash      bytea
);
create index outbox_unpublished on outbox (seq) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;
create index outbox_event_id on outbox (event_id) where event_id is not null;
create unique index outbox_dead_letter_source on outbox (source_topic, source_partition, source_offset, source_hash)
    where source_topic is not null;

-- seq must grow in commit order (the relay's watermark relies on having no gaps), so each
-- transaction takes its block of numbers from this one row, whose lock it holds until commit.
create table outbox_sequence (
    id       boolean primary key default true check (id),
    last_seq bigint not null
);
insert into outbox_sequence (id, last_seq) values (true, 0);
