-- No statement finds orders by the buyer's hash any more: a buyer's yearly and per-product use are kept in
-- buyer_quota and buyer_product_quota, whose keys find them. The index cost every placement an insert at a random
-- place of a 64-character key, and every change of an order's status (the status is indexed, so the update is not
-- HOT) another.
drop index customer_order_by_buyer;
