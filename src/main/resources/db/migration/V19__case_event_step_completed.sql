-- The 已办 (done) list: the steps a user completed, newest first. Only the completion of a user
-- task sets step_completed; reminders, comments, hand-overs and service steps leave it false.
alter table case_event add column step_completed boolean default false not null;
-- Rows written before: a step's completion is the only entry with a decision, or a COMPLETED
-- entry that names the step's group (service steps record COMPLETED without a group).
update case_event set step_completed = true
  where step is not null and actor is not null
    and (decision is not null or (type = 'COMPLETED' and actor_group is not null));
-- One user's completions in time order, walked backwards for the newest first.
create index ix_case_event_done on case_event (actor, step_completed, occurred_at, id);
