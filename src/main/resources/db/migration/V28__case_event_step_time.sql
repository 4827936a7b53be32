-- The time a step took, kept on its completion so that the supervision centre can show the average
-- time spent at each activity without reading the engine's history: when the step opened (the
-- case_task row's created_at) and the office time between that and its completion, in minutes on
-- the working-day calendar as it was then. Written for every user-task completion, by staff or by
-- a resident's rating; null on every other entry. Rows written before this migration stay null:
-- Linli recorded no start for a step then, so they are not averaged.
alter table case_event add column step_started_at timestamp;
alter table case_event add column working_minutes int;

-- The same completions summed per day (the calendar's), process kind, activity and unit, added to
-- in the completion's transaction: an area's averages over a period read a few rows per day and
-- unit instead of every completion. '' stands for no township or department (keys are not null).
create table step_time_day (
  stat_day        date        not null,
  kind            varchar(16) not null,
  activity_id     varchar(64) not null,
  county_code     varchar(12) not null,
  township_code   varchar(12) not null,
  division_code   varchar(12) not null,
  department_code varchar(16) not null,
  completed       int         default 0 not null,
  working_minutes bigint      default 0 not null,
  constraint pk_step_time_day primary key (stat_day, kind, activity_id, division_code, department_code)
);
-- one per level of an area, as case_file's; the sums are in the index, so the rows are not read
create index ix_step_time_day_county on step_time_day (county_code, kind, stat_day, department_code, activity_id, completed, working_minutes);
create index ix_step_time_day_township on step_time_day (township_code, kind, stat_day, activity_id, completed, working_minutes);
create index ix_step_time_day_village on step_time_day (division_code, kind, stat_day, activity_id, completed, working_minutes);
