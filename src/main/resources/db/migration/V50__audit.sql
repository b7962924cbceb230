-- Append-only trail of what operators did: every state-changing console or operator-API request (who, what, when,
-- the answer's status and the submitted body with secrets redacted), and for configuration changes the value before
-- and after. Nothing updates or deletes these rows; the trigger makes that a hard rule, not a convention.

create table audit_event (
    id           bigserial    primary key,
    at           timestamptz  not null,
    actor        varchar(64)  not null,
    action       varchar(120) not null,
    target       varchar(300) not null,
    status       integer,
    remote       varchar(64),
    before_state text,
    after_state  text
);
create index audit_event_by_time on audit_event (at desc, id desc);
create index audit_event_by_target on audit_event (target, id desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;

create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();
