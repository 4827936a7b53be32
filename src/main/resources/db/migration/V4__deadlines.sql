-- Deadlines: green/yellow/red on case records and open steps, urging, and the deadline module's
-- own record of each step's warning and overdue marks (kept after the step ends, so that an
-- escalation that cancels a step can still mark it once).
alter table case_file add column priority varchar(16) default 'NORMAL' not null;
alter table case_file add column warn_at timestamp;
alter table case_file add column deadline_state varchar(8) default 'GREEN' not null;
alter table case_file add column urged_at timestamp;
alter table case_file add column urged_by varchar(64);
alter table case_task add column warn_at timestamp;

create index ix_case_file_village_state on case_file (division_code, status, deadline_state);
create index ix_case_file_township_state on case_file (township_code, status, deadline_state);
create index ix_case_file_county_state on case_file (county_code, status, deadline_state);
create index ix_case_file_department_state on case_file (county_code, department_code, status, deadline_state);
-- the sweep looks for open cases whose own due or warning time has passed
create index ix_case_file_warn on case_file (status, deadline_state, warn_at);
create index ix_case_file_due on case_file (status, deadline_state, case_due);

create table step_deadline (
  task_id         varchar(64)  not null primary key,
  case_id         bigint       not null references case_file (id),
  activity_id     varchar(64)  not null,
  step_name       varchar(200),
  candidate_group varchar(64),
  assignee        varchar(64),
  division_code   varchar(12),
  opened_at       timestamp    not null,
  warn_at         timestamp,
  due_at          timestamp,
  closed_at       timestamp,
  reminded_at     timestamp,
  overdue_at      timestamp,
  escalated_at    timestamp
);
create index ix_step_deadline_case on step_deadline (case_id, activity_id);
create index ix_step_deadline_warn on step_deadline (closed_at, reminded_at, warn_at);
create index ix_step_deadline_due on step_deadline (closed_at, overdue_at, due_at);

-- Time limits now come from the DMN tables in bpmn/ (request-time-limits.dmn).
alter table request_category drop column time_limit_days;
