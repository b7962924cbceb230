-- Picking first expiry first out walks a SKU's lots in expiry order and takes each lot's units in bond from this
-- index, in id order, without reading or sorting the units that already left.
create index trace_code_in_bond on trace_code (lot_id, id) where status = 'IN_BOND';
