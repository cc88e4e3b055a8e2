-- Distributes the tables over a Citus cluster (docs/scaling.md: sharding by organisation),
-- and only where the citus extension is installed: on PGlite and plain PostgreSQL it does
-- nothing. Install the extension before the server first migrates the database (or before
-- the server that brings this migration starts); a database migrated past here without it
-- is distributed by running this block's statements by hand.
--
-- Reference tables, copied to every node: the tables of no organisation
-- (src/db/sharding-rule.ts lists them with their reasons). Distributed tables, sharded by
-- org_id and co-located: every organisation's table, each after the tables it refers to.
-- src/db/citus-distribution.test.ts keeps both lists equal to the schema's.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  -- Within one transaction, a distributed table that refers to a reference table must be
  -- written shard after shard.
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
  -- The stored figures' triggers (migration 0006) write the row's own organisation's
  -- objectives, which live on the same shard (co-located by org_id).
  PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
  PERFORM create_reference_table('organizations');
  PERFORM create_reference_table('accounts');
  PERFORM create_reference_table('sessions');
  PERFORM create_reference_table('api_tokens');
  PERFORM create_reference_table('account_audit_events');
  PERFORM create_reference_table('sso_logins');
  PERFORM create_distributed_table('cycles', 'org_id');
  PERFORM create_distributed_table('units', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('objectives', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('key_results', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('activities', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('alignments', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('audit_events', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('chat_channels', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('chat_posts', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('check_ins', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('comments', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('invitations', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('key_result_alignments', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('memberships', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('notifications', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('strategy_themes', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('objective_themes', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('org_sso_providers', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('outbox_messages', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('reflections', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('scim_users', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('service_accounts', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('sheet_mappings', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('unit_members', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('webhook_subscriptions', 'org_id', colocate_with => 'cycles');
  PERFORM create_distributed_table('webhook_deliveries', 'org_id', colocate_with => 'cycles');
END
$$;
