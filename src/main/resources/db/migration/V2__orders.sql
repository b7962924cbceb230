-- Import orders, their lines and timeline, and the buyer quotas they consume.

create table customer_order (
    order_no            varchar(32)   primary key,
    order_token         varchar(64)   not null,
    idempotency_key     varchar(128)  not null unique,
    request_hash        char(64)      not null,
    platform_code       varchar(18)   not null references enterprise (code),
    seller_code         varchar(18)   not null references enterprise (code),
    status              varchar(24)   not null,
    version             integer       not null default 0,
    buyer_name          varchar(60)   not null,
    buyer_id_number     varchar(18)   not null,
    buyer_id_hash       char(64)      not null,
    buyer_phone         varchar(20)   not null,
    consignee_name      varchar(60)   not null,
    consignee_phone     varchar(20)   not null,
    consignee_address   varchar(200)  not null,
    goods_value         numeric(19,2) not null,
    freight             numeric(19,2) not null,
    insurance           numeric(19,2) not null default 0,
    discount            numeric(19,2) not null default 0,
    tax_total           numeric(19,2) not null,
    total               numeric(19,2) not null,
    dutiable_value      numeric(19,2) not null,
    fully_taxed         boolean       not null default false,
    quota_year          integer       not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    payment_due_at      timestamptz   not null
);
create index customer_order_by_status on customer_order (status, created_at);
create index customer_order_due on customer_order (payment_due_at) where status = 'PENDING_PAYMENT';
create index customer_order_by_buyer on customer_order (buyer_id_hash, quota_year);

create table order_line (
    order_no     varchar(32)   not null references customer_order (order_no),
    line_no      integer       not null,
    sku          varchar(32)   not null references product (sku),
    name         varchar(250)  not null,
    gcode        char(10)      not null,
    unit         varchar(3)    not null,
    quantity     integer       not null check (quantity > 0),
    unit_price   numeric(19,2) not null,
    line_value   numeric(19,2) not null,
    freight      numeric(19,2) not null,
    tax          numeric(19,2) not null,
    primary key (order_no, line_no)
);

create table order_history (
    id          bigserial    primary key,
    order_no    varchar(32)  not null references customer_order (order_no),
    from_status varchar(24),
    to_status   varchar(24)  not null,
    event       varchar(32)  not null,
    at          timestamptz  not null,
    detail      varchar(1000)
);
create index order_history_by_order on order_history (order_no, id);

-- What a buyer (by keyed hash of the resident ID) has used of the annual limit; the row is the lock that
-- serialises that buyer's concurrent orders.
create table buyer_quota (
    buyer_id_hash char(64)      not null,
    year          integer       not null,
    used          numeric(19,2) not null default 0 check (used >= 0),
    primary key (buyer_id_hash, year)
);

create table buyer_product_quota (
    buyer_id_hash char(64)    not null,
    year          integer     not null,
    sku           varchar(32) not null,
    quantity      integer     not null default 0 check (quantity >= 0),
    primary key (buyer_id_hash, year, sku)
);
