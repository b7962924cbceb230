-- The transactional outbox of customs requests and the store of every CEB message sent and received.
-- A request row is written in the same transaction as the state change that calls for it; the dispatcher
-- renders, signs and hands it to the customs adapter later, so nothing is lost if the app dies in between.

create table customs_outbox (
    id              bigserial     primary key,
    subject_kind    varchar(16)   not null check (subject_kind in ('ORDER', 'EXPORT_RETURN')),
    subject_no      varchar(32)   not null,
    message_type    varchar(8)    not null,
    app_type        char(1)       not null default '1',
    guid            char(36)      not null unique,
    created_at      timestamptz   not null,
    available_at    timestamptz   not null,
    attempts        integer       not null default 0,
    sent_at         timestamptz,
    last_error      varchar(500)
);
create index customs_outbox_due on customs_outbox (available_at, id) where sent_at is null;
create index customs_outbox_by_subject on customs_outbox (subject_no);

create table customs_message (
    id              bigserial     primary key,
    direction       varchar(3)    not null check (direction in ('OUT', 'IN')),
    guid            char(36)      not null,
    message_type    varchar(8)    not null,
    subject_no      varchar(32),
    return_status   varchar(8),
    return_info     varchar(1000),
    xml             text          not null,
    at              timestamptz   not null,
    applied         boolean       not null default false,
    unique (direction, guid)
);
create index customs_message_by_subject on customs_message (subject_no, id);
-- Receipts whose declaration is not (yet) known are parked here and retried.
create index customs_message_unapplied on customs_message (at) where direction = 'IN' and not applied;
