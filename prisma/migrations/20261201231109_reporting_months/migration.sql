-- CreateEnum
CREATE TYPE "MonthState" AS ENUM ('open', 'submitted', 'approved', 'returned');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'head';

-- CreateTable
CREATE TABLE "reporting_month" (
    "unit_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "state" "MonthState" NOT NULL DEFAULT 'open',
    "comment" TEXT NOT NULL DEFAULT '',
    "submitted_by" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "reporting_month_pkey" PRIMARY KEY ("unit_id","month")
);

-- CreateIndex
CREATE INDEX "reporting_month_month_state_idx" ON "reporting_month"("month", "state");

-- AddForeignKey
ALTER TABLE "reporting_month" ADD CONSTRAINT "reporting_month_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A submitted or approved month locks its unit's reports of that month, whoever writes them and
-- however: the API refuses such a write first (409); this keeps it so under a concurrent approval.
CREATE FUNCTION "reporting_month_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "reporting_month" m JOIN "project" p ON p."unit_id" = m."unit_id"
    WHERE m."state" IN ('submitted', 'approved')
      AND ((TG_OP <> 'INSERT' AND p."id" = OLD."project_id" AND m."month" = date_trunc('month', OLD."report_date")::date)
        OR (TG_OP <> 'DELETE' AND p."id" = NEW."project_id" AND m."month" = date_trunc('month', NEW."report_date")::date))
  ) THEN
    RAISE EXCEPTION 'the unit''s reporting month is locked' USING ERRCODE = 'CP001';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;

CREATE TRIGGER "progress_report_month_lock" BEFORE INSERT OR UPDATE OR DELETE ON "progress_report"
  FOR EACH ROW EXECUTE FUNCTION "reporting_month_lock"();
