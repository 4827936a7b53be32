-- Failed sign-ins per user and client address (user '*': every user from that address), shared by
-- every node: guessing slows down with back-off, and nobody can lock a member of staff out for good
-- from somewhere else.
create table login_throttle (
  username        varchar(64)  not null,
  client          varchar(64)  not null,
  failures        int          not null,
  last_failure_at timestamp    not null,
  blocked_until   timestamp,
  primary key (username, client)
);
create index ix_login_throttle_blocked on login_throttle (blocked_until);

-- Secrets of this install that every node shares, made on first use (see CaseNumbers).
create table install_secret (
  name       varchar(64)  not null primary key,
  secret     varchar(128) not null,
  created_at timestamp    not null
);
