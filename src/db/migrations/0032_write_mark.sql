-- The write mark (schema.ts, app/write-mark.ts): moved after every write transaction, read
-- before a kept read is answered (server/kept-reads.ts).
CREATE SEQUENCE "public"."riktning_write_mark" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;