-- CreateEnum
CREATE TYPE "KpiMeasureType" AS ENUM ('number', 'percent', 'level');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "KpiStatus" AS ENUM ('achieved', 'on_track', 'at_risk', 'missed');

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "achievement" DECIMAL(14,2),
ADD COLUMN     "baseline" DECIMAL(14,2),
ADD COLUMN     "cumulative" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "direction" "KpiDirection" NOT NULL DEFAULT 'higher',
ADD COLUMN     "judged_final" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "judged_on" DATE,
ADD COLUMN     "level_rubric" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "measure_type" "KpiMeasureType" NOT NULL DEFAULT 'number',
ADD COLUMN     "on_track_margin" DECIMAL(5,2) NOT NULL DEFAULT 10,
ADD COLUMN     "status" "KpiStatus",
ADD COLUMN     "target_q1" DECIMAL(14,2),
ADD COLUMN     "target_q2" DECIMAL(14,2),
ADD COLUMN     "target_q3" DECIMAL(14,2),
ADD COLUMN     "target_q4" DECIMAL(14,2);

-- AlterTable
ALTER TABLE "unit_indicator_figures" ADD COLUMN     "status_achieved" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status_at_risk" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status_missed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status_on_track" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "indicator_fiscal_year_judged_final_idx" ON "indicator"("fiscal_year", "judged_final");


-- The legacy KPIs say how they are measured in their unit: ระดับ (a level 1-5) or ร้อยละ (a percent).
UPDATE "indicator" SET "measure_type" = 'level' WHERE "measure_unit" LIKE 'ระดับ%';
UPDATE "indicator" SET "measure_type" = 'percent' WHERE "measure_unit" LIKE 'ร้อยละ%';
-- Every KPI is judged (judged_on IS NULL) at the next calendar turn: forget the day, so that it is at start.
DELETE FROM "figures_calendar";
