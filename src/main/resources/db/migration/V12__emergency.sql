-- Emergency response (平战一体): the incident above each emergency case.
create table emergency_incident (
  case_id         bigint        not null primary key references case_file (id),
  phase           varchar(16)   not null,
  incident_type   varchar(32)   not null,
  subtype         varchar(32)   not null,
  level           varchar(4)    not null,
  graded_level    varchar(4)    not null,
  grading_basis   varchar(500),
  division_code   varchar(12)   not null,
  location        varchar(300)  not null,
  latitude        double precision,
  longitude       double precision,
  occurred_at     timestamp     not null,
  description     varchar(4000) not null,
  dead            integer       not null,
  injured         integer       not null,
  missing         integer       not null,
  trapped         integer       not null,
  affected        integer       not null,
  estimated_loss  numeric(16, 2) not null,
  drill           boolean       not null,
  participants    varchar(2000),
  reported_by     varchar(64)   not null,
  reported_at     timestamp     not null,
  all_clear_at    timestamp,
  withdrawn_at    timestamp
);
create index ix_emergency_incident_division on emergency_incident (division_code, level);
