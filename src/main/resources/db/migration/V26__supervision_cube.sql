-- The supervision centre's figures at a county's scale. supervision_day kept a row per day and
-- every combination of village, department, category and kind: at 10,000,000 closed cases it grew
-- to nearly three rows per case, and a county's year summed millions of them. Here a row counts one
-- place's cases on one day, in total (dim '') or per value of ONE dimension (department, category,
-- kind), and each whole past month is summed once more into a month row: a county's year is 12 rows,
-- its villages' year 400 × 12. Rebuilt from the case records by SupervisionFigures, as before.
drop table supervision_day;

create table supervision_cube (
  span                char(1)      not null, -- D a day; M a whole month, stat_day its first day
  stat_day            date         not null,
  -- '*' everything; a county, township or village code; 'V:<code>' the cases filed at a township
  -- or county itself, as a village break-down lists them; 'D:<county>:<department>' a department
  place               varchar(40)  not null,
  place_level         char(1)      not null, -- A everything, C county, T township, V village, D department
  county_code         varchar(12),
  township_code       varchar(12),
  dim                 varchar(12)  not null, -- '', DEPARTMENT, CATEGORY or KIND
  dim_value           varchar(32)  not null, -- '' for the total, or for no department/category
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
  urged               int          default 0 not null,
  constraint pk_supervision_cube primary key (span, place, dim, stat_day, dim_value)
);
-- A day's or month's rows, which a rebuild deletes and a month row sums.
create index ix_supervision_cube_day on supervision_cube (span, stat_day);
-- A county's or township's townships and villages, in total or for one department.
create index ix_supervision_cube_county on supervision_cube (span, county_code, place_level, dim, dim_value, stat_day);
create index ix_supervision_cube_township on supervision_cube (span, township_code, place_level, dim, dim_value, stat_day);
create index ix_supervision_cube_level on supervision_cube (span, place_level, dim, dim_value, stat_day);

-- The months whose month rows are built: a period uses a month's row only once it is there.
create table supervision_month (
  month_start date      not null primary key,
  built_at    timestamp not null
);

-- What is open, counted per place by the same job (at most a minute old, and the page says when):
-- counting a county's million open cases on every request was the slowest figure.
create table supervision_open (
  place         varchar(40) not null primary key,
  open_cases    int default 0 not null,
  past_due      int default 0 not null,
  yellow        int default 0 not null,
  red           int default 0 not null,
  ever_overdue  int default 0 not null,
  -- open more than 1, 3, 5 and 10 working days, for the ageing bars
  over_1        int default 0 not null,
  over_3        int default 0 not null,
  over_5        int default 0 not null,
  over_10       int default 0 not null
);

-- Which days are built: the job rebuilds today and yesterday, catches up days missed while no node
-- ran, and builds older days back to the first case, a month at a time.
alter table supervision_refresh add column built_from date;
alter table supervision_refresh add column built_through date;

-- The open cases' count reads this index alone (an index-only scan on PostgreSQL).
create index ix_case_file_open_figures on case_file
  (status, county_code, township_code, division_code, department_code, deadline_state, ever_overdue, step_due, opened_at);
