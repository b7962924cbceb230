-- Parked receipts are retried in turn: the one tried longest ago first, so that receipts whose declaration never
-- comes cannot keep newer ones from being tried.
alter table customs_message add column retried_at timestamptz;
drop index customs_message_unapplied;
create index customs_message_unapplied on customs_message ((coalesce(retried_at, at)), id)
    where direction = 'IN' and not applied;
