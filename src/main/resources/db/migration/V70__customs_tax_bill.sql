-- The electronic tax bill (CEB816) customs issues for a released list: what the parcel owes, by tax, as customs
-- assessed it (the order's own tax column is what the platform collected from the buyer at checkout).
alter table customer_order add column tax_no varchar(50);
alter table customer_order add column customs_duty numeric(19, 2);
alter table customer_order add column customs_vat numeric(19, 2);
alter table customer_order add column customs_consumption_tax numeric(19, 2);
alter table customer_order add column tax_billed_at timestamptz;
