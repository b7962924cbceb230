-- A placement reads the buyer's quota row without locking it and writes only if the row is still the version it
-- read; every change to the row moves the version. The write is one statement: when the quota moved or another order
-- took the units since the read, the statement calls placement_conflict(), which fails it, so that it writes nothing,
-- and the platform reads and checks again.
alter table buyer_quota add column version integer not null default 0;

create function placement_conflict() returns void language plpgsql as $$
begin
    raise exception 'the buyer''s quota or the units changed since the placement read them'
        using errcode = 'serialization_failure';
end $$;
