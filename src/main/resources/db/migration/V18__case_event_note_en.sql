-- Linli's own timeline notes in two languages: note holds the Chinese, note_en the English.
-- A person's words (comments, reasons) stay in note alone, as written.
alter table case_event add column note_en varchar(4000);
