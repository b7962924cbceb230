-- The key of the console form that applied for a return: the same form sent twice (a double click, a retry after a
-- lost answer) answers the return it created rather than declaring a second one to customs.
alter table export_return add column submission_key varchar(64);
create unique index export_return_by_submission_key on export_return (submission_key)
    where submission_key is not null;
