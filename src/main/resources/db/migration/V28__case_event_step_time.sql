-- The time a step took, kept on its completion so that the supervision centre can show the average
-- time spent at each activity without reading the engine's history: when the step opened (the
-- case_task row's created_at) and the office time between that and its completion, in minutes on
-- the working-day calendar of the day it completed. Written for every user-task completion,
-- by staff or by a resident's rating; null on every other entry. Rows written before this
-- migration stay null: Linli recorded no start for a step then, so they are not averaged.
alter table case_event add column step_started_at timestamp;
alter table case_event add column working_minutes int;
-- The averages of an area's completed steps in a period: a range of occurred_at, the case for the
-- area and the process, the step and its minutes all read from the index without the rows.
create index ix_case_event_step_time on case_event (occurred_at, working_minutes, case_id, step);
