-- CreateTable
CREATE TABLE "change_log" (
    "id" BIGSERIAL NOT NULL,
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "entity" VARCHAR(20) NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "version" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "change_log_xid_id_idx" ON "change_log"("xid", "id");

-- Every change of a project or an indicator, in the change's transaction (written by hand).
CREATE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log (entity, code, kind, version)
  VALUES (
    TG_ARGV[0],
    NEW.code,
    CASE
      WHEN TG_OP = 'INSERT' THEN 'created'
      WHEN TG_ARGV[0] = 'project' AND OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'deleted'
      WHEN TG_ARGV[0] = 'project' AND OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restored'
      ELSE 'updated'
    END,
    NEW.version
  );
  RETURN NULL;
END
$$;

CREATE TRIGGER project_change_log_insert AFTER INSERT ON "project"
  FOR EACH ROW EXECUTE FUNCTION change_log_record('project');
CREATE TRIGGER project_change_log_update AFTER UPDATE ON "project"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION change_log_record('project');
CREATE TRIGGER indicator_change_log_insert AFTER INSERT ON "indicator"
  FOR EACH ROW EXECUTE FUNCTION change_log_record('indicator');
CREATE TRIGGER indicator_change_log_update AFTER UPDATE ON "indicator"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION change_log_record('indicator');
