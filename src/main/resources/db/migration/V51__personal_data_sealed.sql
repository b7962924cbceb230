-- Personal data is stored sealed (AES-GCM, "pd1:<key id>:<base64>"), which is longer than the clear values were.
alter table customer_order
    alter column buyer_name type varchar(400),
    alter column buyer_id_number type varchar(400),
    alter column buyer_phone type varchar(400),
    alter column consignee_name type varchar(400),
    alter column consignee_phone type varchar(400),
    alter column consignee_address type varchar(800);
alter table recall_notice alter column recipient type varchar(400);
