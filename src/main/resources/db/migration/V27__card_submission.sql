-- The form submission (or the API's Idempotency-Key) a card was issued by: a double click, or a
-- retried request, carries the same key and finds the card it already issued instead of issuing a
-- second one. Unique, so that two posts racing on two nodes cannot both insert; null for a card
-- issued without a key (several nulls are allowed on H2 and PostgreSQL alike).
alter table supervision_card add column submission varchar(64);
create unique index ux_supervision_card_submission on supervision_card (submission);
