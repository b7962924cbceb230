-- An order names its platform, its seller and its products by code; those rows are on the record for as long as the
-- orders are, so they are never deleted and their codes never change, and the triggers below make that a hard rule.
-- With that rule the foreign keys from orders to them checked nothing more, and they cost every placement dearly:
-- each one locks the referenced row FOR KEY SHARE, and a platform's enterprise row and its best-selling products are
-- named by every concurrent order, so each placement took a new multixact on three hot rows and logged the lock. The
-- benchmark measured 0.2 ms of the database's processor per order for them, a fifth of its share. A placement reads
-- the rows it names in the same request, and rows never go, so an order cannot name one that is not there.
alter table customer_order drop constraint customer_order_platform_code_fkey;
alter table customer_order drop constraint customer_order_seller_code_fkey;
alter table order_line drop constraint order_line_sku_fkey;

create function reference_row_kept() returns trigger language plpgsql as $$
begin
    raise exception '% % is kept for the orders that name it: it cannot be deleted or renamed',
        tg_table_name, to_jsonb(old) ->> tg_argv[0] using errcode = 'restrict_violation';
end $$;

create trigger enterprise_not_deleted before delete on enterprise
    for each row execute function reference_row_kept('code');
create trigger enterprise_not_renamed before update of code on enterprise
    for each row when (old.code is distinct from new.code) execute function reference_row_kept('code');
create trigger product_not_deleted before delete on product
    for each row execute function reference_row_kept('sku');
create trigger product_not_renamed before update of sku on product
    for each row when (old.sku is distinct from new.sku) execute function reference_row_kept('sku');
