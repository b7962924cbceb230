-- Unit codes follow their parcel through every status of DESIGN section 4: IN_TRANSIT between handover and delivery,
-- RETURNED once the consumer's return is back in bond. Units moved before this release are brought to the same place.

-- A unit returned before this release went back to IN_BOND with its order number kept and rejoined its lot's sellable
-- units; it is a returned unit, held in bond and not sold again.
update lot set remaining = greatest(lot.remaining - x.n, 0)
from (select lot_id, count(*) as n from trace_code where status = 'IN_BOND' and order_no is not null group by lot_id) x
where lot.id = x.lot_id;
update trace_code set status = 'RETURNED' where status = 'IN_BOND' and order_no is not null;

-- Units of parcels the carrier has but the consumer has not signed for.
update trace_code c set status = 'IN_TRANSIT'
from customer_order o
where o.order_no = c.order_no and o.status = 'IN_TRANSIT' and c.status = 'OUT_OF_BOND';

comment on column trace_code.status is
    'IN_BOND, OUT_OF_BOND (picked), IN_TRANSIT (handed over), DELIVERED, RETURNED (back from the consumer, not sold again), RECALLED';
