-- The change feed's trigger function, one per entity: an indicator has no deleted_at, and PL/pgSQL
-- resolves every field the function names against the row's table (written by hand).
CREATE OR REPLACE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log (entity, code, kind, version)
  VALUES (TG_ARGV[0], NEW.code, CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'updated' END, NEW.version);
  RETURN NULL;
END
$$;

CREATE FUNCTION change_log_record_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log (entity, code, kind, version)
  VALUES (
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

DROP TRIGGER project_change_log_insert ON "project";
DROP TRIGGER project_change_log_update ON "project";
CREATE TRIGGER project_change_log_insert AFTER INSERT ON "project"
  FOR EACH ROW EXECUTE FUNCTION change_log_record_project();
CREATE TRIGGER project_change_log_update AFTER UPDATE ON "project"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION change_log_record_project();
