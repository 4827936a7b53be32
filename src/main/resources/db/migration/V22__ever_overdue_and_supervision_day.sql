-- Overdue is history, not a colour: a case whose step ran past its due time (or that closed after
-- its case due time) stays marked, whatever its colour after escalation, extension or completion.
alter table case_file add column ever_overdue boolean default false not null;
update case_file set ever_overdue = true where id in (select case_id from case_event where type = 'OVERDUE');
update case_file set ever_overdue = true where closed_at is not null and case_due is not null and closed_at > case_due;
create index ix_case_file_village_ever on case_file (division_code, ever_overdue, status);
create index ix_case_file_township_ever on case_file (township_code, ever_overdue, status);
create index ix_case_file_county_ever on case_file (county_code, ever_overdue, status);

-- The supervision centre's figures, one row per day and unit (village, department, category, kind),
-- rebuilt from case_event and case_file by the supervision-figures job (SupervisionFigures): no
-- figure scans the engine's history or every case at request time.
create table supervision_day (
  stat_day            date         not null,
  county_code         varchar(12)  not null,
  township_code       varchar(12),
  division_code       varchar(12)  not null,
  department_code     varchar(16),
  category_code       varchar(32),
  kind                varchar(16)  not null,
  received            int          default 0 not null,
  closed              int          default 0 not null,
  closed_on_time      int          default 0 not null,
  closed_ever_overdue int          default 0 not null,
  handling_minutes    bigint       default 0 not null,
  overdue_steps       int          default 0 not null,
  rated               int          default 0 not null,
  satisfied           int          default 0 not null,
  reopened            int          default 0 not null,
  returned            int          default 0 not null,
  extended            int          default 0 not null,
  urged               int          default 0 not null
);
create index ix_supervision_day_day on supervision_day (stat_day);
create index ix_supervision_day_county on supervision_day (county_code, stat_day);
create index ix_supervision_day_township on supervision_day (township_code, stat_day);
create index ix_supervision_day_village on supervision_day (division_code, stat_day);
create index ix_supervision_day_department on supervision_day (county_code, department_code, stat_day);

-- When the figures were last rebuilt, for the page to say how fresh they are.
create table supervision_refresh (
  id           int       not null primary key,
  refreshed_at timestamp not null
);

-- A day's rebuild reads that day's events and closings by time.
create index ix_case_event_time on case_event (occurred_at, type);
create index ix_case_file_closed on case_file (closed_at);
