-- Traceability codes issued by the platform draw their serials here, so two lots never issue the same serial.
create sequence trace_serial maxvalue 999999999 no cycle;

comment on column lot.remaining is
    'units of the lot still sellable from bond: picking and the recall of single coded units in bond take units off';

-- Recall campaigns: what they cover, the units they blocked, the orders they reach and the notices sent to buyers.
create table recall (
    id          bigserial     primary key,
    recall_no   varchar(32)   not null unique,
    sku         varchar(32)   not null references product (sku),
    batch_nos   varchar(20)[] not null default '{}',
    reason      varchar(500)  not null,
    opened_by   varchar(64)   not null,
    opened_at   timestamptz   not null
);
create index recall_by_sku on recall (sku);

-- Whole lots a campaign blocked; uncoded_units counts units in bond that carry no registered code.
create table recall_lot (
    recall_id     bigint  not null references recall (id),
    lot_id        bigint  not null references lot (id),
    uncoded_units integer not null check (uncoded_units >= 0),
    primary key (recall_id, lot_id)
);

-- Every coded unit a campaign reached, where it was at that moment, and when it was retrieved.
create table recall_unit (
    recall_id        bigint      not null references recall (id),
    code_id          bigint      not null references trace_code (id),
    status_at_recall varchar(16) not null,
    order_no         varchar(32),
    retrieved_at     timestamptz,
    primary key (recall_id, code_id)
);
create index recall_unit_by_code on recall_unit (code_id);

-- Orders a campaign reaches: HOLDS_UNITS (recalled units were bound to it) or RESERVED (it holds a reservation of
-- the SKU that the stock left after the block no longer covers).
create table recall_order (
    recall_id   bigint      not null references recall (id),
    order_no    varchar(32) not null references customer_order (order_no),
    kind        varchar(16) not null check (kind in ('HOLDS_UNITS', 'RESERVED')),
    primary key (recall_id, order_no)
);

-- Outbox of notices to the buyers of affected orders, written in the campaign's transaction.
create table recall_notice (
    id          bigserial     primary key,
    recall_id   bigint        not null references recall (id),
    order_no    varchar(32)   not null references customer_order (order_no),
    channel     varchar(8)    not null default 'SMS',
    recipient   varchar(20)   not null,
    message     varchar(500)  not null,
    status      varchar(8)    not null default 'PENDING' check (status in ('PENDING', 'SENT')),
    created_at  timestamptz   not null,
    sent_at     timestamptz,
    unique (recall_id, order_no)
);
create index recall_notice_pending on recall_notice (id) where status = 'PENDING';
