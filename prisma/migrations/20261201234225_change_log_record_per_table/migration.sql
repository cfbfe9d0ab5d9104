-- change_log_record() (20261201233821_change_feed) read OLD.deleted_at in one SQL expression for every
-- table it serves; PL/pgSQL resolves a record's fields when it prepares the expression, so an update
-- of an indicator (no deleted_at) failed with 'record "old" has no field "deleted_at"'. The same
-- rows are written, the project-only fields read only for a project.
CREATE OR REPLACE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change_kind text := 'updated';
BEGIN
  IF TG_OP = 'INSERT' THEN
    change_kind := 'created';
  ELSIF TG_ARGV[0] = 'project' THEN
    IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
      change_kind := 'deleted';
    ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
      change_kind := 'restored';
    END IF;
  END IF;
  INSERT INTO change_log (entity, code, kind, version) VALUES (TG_ARGV[0], NEW.code, change_kind, NEW.version);
  RETURN NULL;
END
$$;
