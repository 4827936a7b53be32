-- Household data sent out of Linli (to the external verification service) is logged in the same
-- table as views of it: accessed_by names the receiving system and host, field_group
-- EXTERNAL_VERIFICATION, purpose what was disclosed. outcome says how the transfer ended:
-- PENDING while it is under way, OK, or FAILED: <why>; null for views inside Linli.
alter table sensitive_access_log add column outcome varchar(200);
