-- A step may be offered by name to one user beside its group (the grid worker who reported an
-- emergency records the arrival). Written from the model's expression when the step opens, so a
-- candidate added later through the engine's API never counts.
alter table case_task add column candidate_user varchar(64);
create index ix_case_task_candidate_user on case_task (candidate_user);
