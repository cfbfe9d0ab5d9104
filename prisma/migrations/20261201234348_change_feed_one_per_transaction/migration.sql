-- The change feed: one row per record and transaction (a write bumps the version, then changes the
-- row again in the same transaction), carrying the record's last version; 'created', 'deleted' and
-- 'restored' win over 'updated' (written by hand).
CREATE OR REPLACE FUNCTION change_log_upsert(p_entity text, p_code text, p_kind text, p_version int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_log
  SET version = p_version,
      kind = CASE WHEN p_kind = 'updated' THEN kind WHEN kind = 'created' THEN kind ELSE p_kind END
  WHERE xid = pg_current_xact_id() AND entity = p_entity AND code = p_code;
  IF NOT FOUND THEN
    INSERT INTO change_log (entity, code, kind, version) VALUES (p_entity, p_code, p_kind, p_version);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM change_log_upsert(TG_ARGV[0], NEW.code, CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'updated' END,
    NEW.version);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION change_log_record_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM change_log_upsert(
    'project',
    NEW.code,
    CASE
      WHEN TG_OP = 'INSERT' THEN 'created'
      WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'deleted'
      WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restored'
      ELSE 'updated'
    END,
    NEW.version
  );
  RETURN NULL;
END
$$;
