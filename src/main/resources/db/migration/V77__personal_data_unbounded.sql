-- A sealed value is longer than its clear text by a quarter and a header: a 200-character Chinese address (600 bytes
-- of UTF-8) no longer fitted in 800. Sealed values are bounded by the request's own limits, not by the column.
alter table customer_order
    alter column buyer_name type text,
    alter column buyer_id_number type text,
    alter column buyer_phone type text,
    alter column consignee_name type text,
    alter column consignee_phone type text,
    alter column consignee_address type text;
alter table recall_notice alter column recipient type text;
