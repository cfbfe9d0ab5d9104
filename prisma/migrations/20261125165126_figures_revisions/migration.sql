-- AlterTable
ALTER TABLE "unit_figures" ADD COLUMN     "revision" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "unit_month_figures" ADD COLUMN     "revision" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "unit_indicator_figures" ADD COLUMN     "revision" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "unit_figures_fiscal_year_revision_idx" ON "unit_figures"("fiscal_year", "revision");

-- CreateIndex
CREATE INDEX "unit_month_figures_fiscal_year_revision_idx" ON "unit_month_figures"("fiscal_year", "revision");

-- CreateIndex
CREATE INDEX "unit_indicator_figures_fiscal_year_revision_idx" ON "unit_indicator_figures"("fiscal_year", "revision");
