-- The case list by period, which the supervision centre's numbers link to: cases of an area opened
-- or closed within some days, and the cases with an event of a type (urged, returned…) in them.
create index ix_case_file_village_opened on case_file (division_code, opened_at);
create index ix_case_file_township_opened on case_file (township_code, opened_at);
create index ix_case_file_county_opened on case_file (county_code, opened_at);
create index ix_case_file_village_closed on case_file (division_code, closed_at);
create index ix_case_file_township_closed on case_file (township_code, closed_at);
create index ix_case_file_county_closed on case_file (county_code, closed_at);
create index ix_case_event_type_time on case_event (type, occurred_at, case_id);
