-- Check-ins arrive all the time and are never updated: their ids are now time-ordered
-- (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits), so a new
-- check-in's entries in the primary key and in the index on id go to the right-hand end of
-- each, instead of to a random page of a 60 MB index. A check-in then reads and dirties
-- (and after a checkpoint writes in full to the log) the same few pages as the one before
-- it, not two more random ones. Ids stay opaque UUIDs; existing ones are kept.
CREATE OR REPLACE FUNCTION riktning_uuid7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  -- A random (version 4) UUID, its first 48 bits replaced by the time and its version
  -- nibble turned from 0100 into 0111 (bits 4 and 5 of byte 6, counted from the right).
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "check_ins" ALTER COLUMN "id" SET DEFAULT riktning_uuid7();
