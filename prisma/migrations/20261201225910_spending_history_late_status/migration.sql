-- AlterTable
ALTER TABLE "project_figures" ADD COLUMN     "spent" DECIMAL(14,2),
ADD COLUMN     "spent_undated" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "unit_figures" ADD COLUMN     "late" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spent_undated" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "unit_month_figures" ADD COLUMN     "late" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spent_undated" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "project_spending" (
    "project_id" INTEGER NOT NULL,
    "spent_as_of" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_spending_pkey" PRIMARY KEY ("project_id","spent_as_of")
);

-- AddForeignKey
ALTER TABLE "project_spending" ADD CONSTRAINT "project_spending_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The kept figures gain the late status, the one "reported this month" rule and dated spending:
-- forget them, so that the next calendar turn (at start) evaluates every project and month again.
DELETE FROM "unit_month_figures";
DELETE FROM "frozen_month";
DELETE FROM "figures_calendar";
