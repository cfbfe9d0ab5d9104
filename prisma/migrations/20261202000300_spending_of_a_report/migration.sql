-- The report a day's spending came with (null: recorded on its own), so that withdrawing or
-- correcting the report takes its amount along; and the amount recorded on its own for that day,
-- which the report's amount stands over and which comes back when the report's amount goes.
ALTER TABLE "project_spending" ADD COLUMN     "report_id" INTEGER,
ADD COLUMN     "standalone_amount" DECIMAL(14,2);

-- CreateIndex
CREATE INDEX "project_spending_report_id_idx" ON "project_spending"("report_id");

-- AddForeignKey
ALTER TABLE "project_spending" ADD CONSTRAINT "project_spending_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE SET NULL ON UPDATE CASCADE;
