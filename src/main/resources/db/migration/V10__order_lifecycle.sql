-- The import order lifecycle: what clearance told us about the order, payment details, and the receipts applied.

alter table customer_order
    add column paid_at              timestamptz,
    add column pay_code             varchar(18),
    add column pay_transaction_id   varchar(60),
    add column invt_no              varchar(20),
    -- returnStatus and returnTime of the latest inventory receipt (CEB622): one older than it, arriving late,
    -- moves nothing
    add column customs_status       varchar(10),
    add column customs_status_at    timestamptz,
    add column released_at          timestamptz,
    -- the state a cancellation request left, to go back to when customs refuses the cancellation
    add column status_before_cancel varchar(24);

-- Every receipt applied to an order, by its guid: a receipt delivered twice is applied once.
create table order_receipt (
    guid          char(36)     primary key,
    order_no      varchar(32)  not null references customer_order (order_no),
    message_type  varchar(8)   not null,
    return_status varchar(10)  not null,
    return_time   timestamptz  not null,
    applied_at    timestamptz  not null
);
create index order_receipt_by_order on order_receipt (order_no);
