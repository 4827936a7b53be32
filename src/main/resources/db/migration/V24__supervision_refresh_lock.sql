-- One row that every rebuild of supervision_day locks first, so that two rebuilds of the same day
-- (the job on one node, an admin's refresh on another) never both delete and insert.
insert into supervision_refresh (id, refreshed_at) select 1, current_timestamp where not exists (select 1 from supervision_refresh where id = 1);
