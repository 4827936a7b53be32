-- The area queue pages through all open steps of an area by due time: walk case_task in due order
-- and keep those whose case is in the area, instead of sorting every step of a large area.
create index ix_case_task_due_order on case_task (due_at, task_id);
