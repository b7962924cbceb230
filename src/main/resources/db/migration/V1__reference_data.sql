-- Reference data: enterprises and their dated qualifications, positive-list editions, products, bonded stock.

create table enterprise (
    code        varchar(18)  primary key,
    name        varchar(100) not null,
    region      varchar(32)  not null,
    dxp_id      varchar(30),
    created_at  timestamptz  not null default now()
);

create table enterprise_role (
    enterprise_code varchar(18) not null references enterprise (code),
    role            varchar(16) not null,
    primary key (enterprise_code, role)
);

create table qualification (
    id              bigserial    primary key,
    enterprise_code varchar(18)  not null references enterprise (code),
    type            varchar(32)  not null,
    number          varchar(64)  not null,
    valid_from      date         not null,
    valid_until     date         not null,
    check (valid_until >= valid_from)
);
create index qualification_by_enterprise on qualification (enterprise_code);

create table positive_list_edition (
    id              bigserial    primary key,
    edition         varchar(32)  not null unique,
    effective_from  date         not null,
    imported_at     timestamptz  not null default now()
);

create table positive_list_line (
    edition_id   bigint       not null references positive_list_edition (id),
    seq          integer      not null,
    tariff_line  char(8)      not null,
    description  varchar(500) not null,
    remark       varchar(1000) not null default '',
    primary key (edition_id, seq)
);
create index positive_list_line_by_tariff on positive_list_line (edition_id, tariff_line);

create table product (
    sku                      varchar(32)   primary key,
    name                     varchar(250)  not null,
    gcode                    char(10)      not null,
    category                 varchar(8)    not null,
    price                    numeric(19,2) not null check (price > 0),
    unit                     varchar(3)    not null,
    origin_country           varchar(3)    not null,
    registration_certificate varchar(64),
    gtin                     char(14),
    drug_id_code             char(7),
    vat_rate                 numeric(6,4)  not null default 0.13,
    consumption_tax_rate     numeric(6,4)  not null default 0,
    duty_rate                numeric(6,4)  not null default 0,
    max_per_order            integer,
    max_per_year             integer,
    seller_code              varchar(18)   not null references enterprise (code),
    created_at               timestamptz   not null default now()
);
create unique index product_by_gtin on product (gtin) where gtin is not null;
create index product_by_drug_id on product (drug_id_code) where drug_id_code is not null;

-- Lots of goods that entered the bonded warehouse; units leave one by one when picked.
create table lot (
    id          bigserial    primary key,
    sku         varchar(32)  not null references product (sku),
    batch_no    varchar(20)  not null,
    expiry      date         not null,
    quantity    integer      not null check (quantity > 0),
    remaining   integer      not null check (remaining >= 0),
    recalled    boolean      not null default false,
    entered_at  timestamptz  not null default now(),
    unique (sku, batch_no)
);
create index lot_fefo on lot (sku, expiry) where remaining > 0 and not recalled;

-- Units of a SKU held for orders that have not left bond yet; the row is the lock that serialises reservations.
create table bond_stock (
    sku       varchar(32) primary key references product (sku),
    reserved  integer     not null default 0 check (reserved >= 0)
);

create table trace_code (
    id           bigserial    primary key,
    scheme       varchar(8)   not null,
    product_key  varchar(14)  not null,
    serial       varchar(20)  not null,
    batch_no     varchar(20),
    expiry       date,
    raw          varchar(200) not null,
    sku          varchar(32)  not null references product (sku),
    lot_id       bigint       not null references lot (id),
    status       varchar(16)  not null default 'IN_BOND',
    order_no     varchar(32),
    line_no      integer,
    unique (scheme, product_key, serial)
);
create index trace_code_by_lot on trace_code (lot_id, status);
create index trace_code_by_order on trace_code (order_no) where order_no is not null;

create table trace_event (
    id         bigserial    primary key,
    code_id    bigint       not null references trace_code (id),
    type       varchar(32)  not null,
    at         timestamptz  not null,
    detail     varchar(500)
);
create index trace_event_by_code on trace_event (code_id);

create table operator (
    username       varchar(64)  primary key,
    password_hash  varchar(100) not null,
    roles          varchar(200) not null,
    enabled        boolean      not null default true,
    created_at     timestamptz  not null default now()
);
