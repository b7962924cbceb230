-- When customs set the status of a received receipt (not when it reached us), so that a parked receipt can be applied
-- later exactly as it would have been on arrival; and a dead-letter mark for requests customs refused for good.
alter table customs_message add column return_time timestamptz;
alter table customs_outbox add column failed_at timestamptz;
drop index customs_outbox_due;
create index customs_outbox_due on customs_outbox (available_at, id) where sent_at is null and failed_at is null;
