-- The amount spent that came with a report, on the report itself: when a later report of the same
-- day that stood over it goes, the day's figure is this one again.
ALTER TABLE "progress_report" ADD COLUMN     "budget_spent" DECIMAL(14,2);

UPDATE "progress_report" r SET "budget_spent" = s."amount"
FROM "project_spending" s WHERE s."report_id" = r."id";
