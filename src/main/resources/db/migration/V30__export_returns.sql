-- Export lists (goods that left through CBEC) and the returns that bring their goods back within a year.

create table export_list (
    export_list_no  varchar(20)   primary key,
    trade_mode      char(4)       not null check (trade_mode in ('9610', '1210', '9710', '9810')),
    customs_code    char(4)       not null,
    port_code       varchar(4)    not null,
    ebp_code        varchar(18)   not null,
    ebc_code        varchar(18)   not null,
    logistics_code  varchar(18)   not null,
    country         varchar(3)    not null,
    declared_on     date          not null,
    -- null until customs released the export; only released lists can be returned
    released_on     date,
    rebate_claimed  boolean       not null default false,
    imported_at     timestamptz   not null,
    check (released_on is null or released_on >= declared_on)
);

create table export_list_line (
    export_list_no    varchar(20)  not null references export_list,
    gnum              integer      not null check (gnum between 1 and 9999),
    gcode             char(10)     not null,
    name              varchar(250) not null,
    model             varchar(250) not null default '',
    quantity          integer      not null check (quantity > 0),
    unit              char(3)      not null,
    -- the legal first quantity and unit (qty1, unit1 of the list); a return declares its share of them
    legal_quantity    numeric(19, 5) not null,
    legal_unit        char(3)      not null,
    -- units on returns that are under way or done; rejected and expired returns give theirs back
    returned_quantity integer      not null default 0,
    primary key (export_list_no, gnum),
    check (returned_quantity between 0 and quantity)
);

create table export_list_code (
    export_list_no  varchar(20)  not null,
    gnum            integer      not null,
    code            varchar(64)  not null,
    primary key (export_list_no, code),
    foreign key (export_list_no, gnum) references export_list_line
);

create sequence export_return_no_seq;

create table export_return (
    return_no             varchar(20)  primary key,
    status                varchar(24)  not null,
    version               integer      not null default 0,
    requested_disposition varchar(20)  check (requested_disposition in ('RE_ENTER_DOMESTIC', 'BONDED_STORAGE')),
    disposition           varchar(20)  check (disposition in ('RE_ENTER_DOMESTIC', 'BONDED_STORAGE')),
    -- why domestic re-entry was allowed: NO_REBATE_CLAIMED or REBATE_REPAID
    reentry_basis         varchar(20),
    tax_exempt            boolean      not null,
    applied_on            date         not null,
    -- the last day any line may still arrive; past it, the return expires
    arrival_deadline      date         not null,
    arrived_on            date,
    reason                varchar(500) not null,
    logistics_no          varchar(80),
    bill_no               varchar(37),
    traf_mode             varchar(1),
    traf_name             varchar(100),
    voyage_no             varchar(32),
    location              varchar(250),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);
create index export_return_open on export_return (arrival_deadline)
    where status in ('DRAFT', 'DECLARED', 'ACCEPTED', 'UNDER_REVIEW');

create table export_return_line (
    return_no         varchar(20)  not null references export_return,
    line_no           integer      not null,
    export_list_no    varchar(20)  not null,
    gnum              integer      not null,
    gcode             char(10)     not null,
    name              varchar(250) not null,
    model             varchar(250) not null,
    unit              char(3)      not null,
    quantity          integer      not null check (quantity > 0),
    tallied_quantity  integer,
    tax_exempt        boolean      not null,
    primary key (return_no, line_no),
    foreign key (export_list_no, gnum) references export_list_line
);
create index export_return_line_by_list on export_return_line (export_list_no, gnum);

create table export_return_code (
    return_no  varchar(20)  not null,
    line_no    integer      not null,
    code       varchar(64)  not null,
    tallied    boolean      not null default false,
    primary key (return_no, code),
    foreign key (return_no, line_no) references export_return_line
);

create table export_return_history (
    id           bigserial    primary key,
    return_no    varchar(20)  not null references export_return,
    from_status  varchar(24),
    to_status    varchar(24)  not null,
    event        varchar(32)  not null,
    at           timestamptz  not null,
    detail       varchar(1000)
);
create index export_return_history_by_return on export_return_history (return_no, id);

-- Receipts taken for a return, by their guid: a receipt delivered twice is applied once.
create table export_return_receipt (
    guid           char(36)     primary key,
    return_no      varchar(20)  not null references export_return,
    message_type   varchar(8)   not null,
    return_status  varchar(10)  not null,
    return_time    timestamptz  not null,
    applied_at     timestamptz  not null,
    -- false for a release (800) that came before the tally: it is applied when the goods are tallied
    applied        boolean      not null default true
);
create index export_return_receipt_pending on export_return_receipt (return_no) where not applied;

-- Returned goods held in bond after a BONDED_STORAGE disposition, per return line and condition.
create table export_return_bond_stock (
    return_no   varchar(20)  not null,
    line_no     integer      not null,
    condition   varchar(12)  not null check (condition in ('RETURNED', 'CONSOLIDATED', 'REPAIRED', 'RELABELLED')),
    quantity    integer      not null check (quantity >= 0),
    primary key (return_no, line_no, condition),
    foreign key (return_no, line_no) references export_return_line
);

-- Every unit that a step took into or out of bond; quantity is positive into bond, negative out of it.
create table export_return_bond_movement (
    id          bigserial    primary key,
    return_no   varchar(20)  not null,
    line_no     integer      not null,
    step        varchar(16)  not null,
    condition   varchar(12)  not null,
    quantity    integer      not null,
    at          timestamptz  not null,
    foreign key (return_no, line_no) references export_return_line
);
create index export_return_bond_movement_by_return on export_return_bond_movement (return_no, id);
