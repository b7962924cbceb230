-- A SKU's reservations are spread over eight slots, so that concurrent orders of one best-selling SKU no longer queue
-- on its one stock row. Under load that row cost more of PostgreSQL's processor than the rest of a placement: every
-- order waited on it, was woken, and checked it again.
--
-- The slots still never sell a unit twice. Each slot may reserve up to its allotment without looking at the others,
-- and the allotments together never exceed the units in bond that no other reservation holds:
--
--     sum(allotted) + reserved_before_slots <= units in bond on allotted_on
--
-- An order reserves in its slot only while reserved + quantity <= allotted and the allotment was made for the order's
-- day (lots expire by the day). When the slot is short, the platform allots the SKU again: it locks all eight slots,
-- counts the units in bond after taking those locks, and gives the short slot what it lacks from the units no slot
-- holds, or, when those do not cover it or the allotments are of another day, shares out afresh what no order holds.
-- What keeps the rule between allotments:
-- - an order giving its units back, picked or cancelled, gives its slot's allotment of them back too, so that the next
--   allotment counts them again from the lots (a cancelled order may hold units a recall or an expiry took since);
-- - a recall takes every slot's unreserved allotment away while it blocks units, so the next orders allot from what
--   is left; new lots add to stock, which the next allotment shares out.

alter table bond_stock rename column reserved to reserved_before_slots;
comment on column bond_stock.reserved_before_slots is
    'Units reserved by orders placed before reservations went to bond_stock_slot; only ever given back';

create table bond_stock_slot (
    sku          varchar(32) not null references bond_stock (sku),
    slot         smallint    not null check (slot between 0 and 7),
    reserved     integer     not null default 0 check (reserved >= 0),
    allotted     integer     not null default 0,
    allotted_on  date,
    primary key (sku, slot),
    check (reserved <= allotted)
);

insert into bond_stock_slot (sku, slot) select s.sku, g from bond_stock s, generate_series(0, 7) as g;

create function bond_stock_slots() returns trigger language plpgsql as $$
begin
    insert into bond_stock_slot (sku, slot) select new.sku, g from generate_series(0, 7) as g;
    return new;
end $$;

create trigger bond_stock_slots after insert on bond_stock for each row execute function bond_stock_slots();

-- the slot an order reserved in; none for orders placed before the slots, which reserved in reserved_before_slots
alter table customer_order add column stock_slot smallint;

-- a SKU's reserved units, wherever they are counted
create view bond_stock_reserved as
select s.sku, s.reserved_before_slots + coalesce((select sum(x.reserved) from bond_stock_slot x where x.sku = s.sku), 0)
           as reserved
from bond_stock s;

create function stock_slot_short() returns void language plpgsql as $$
begin
    raise exception 'the order''s stock slot has too few units allotted'
        using errcode = 'PSLOT';
end $$;
