-- The supervision site's operator who tallied the returned goods and declares the tally (CEB215): recorded when the
-- tally is, from the tally request or the configured site, so that the message names who actually counted them.
alter table export_return add column operator_code varchar(18);
alter table export_return add column operator_name varchar(100);
