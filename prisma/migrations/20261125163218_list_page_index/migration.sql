-- CreateIndex
CREATE INDEX "project_unit_id_fiscal_year_serial_idx" ON "project"("unit_id", "fiscal_year", "serial");
