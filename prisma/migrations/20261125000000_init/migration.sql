-- Trigram search over the normalised name columns (Thai substring search).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('city', 'department', 'district', 'division');

-- CreateEnum
CREATE TYPE "StrategyLevel" AS ENUM ('pillar', 'dimension', 'goal');

-- CreateEnum
CREATE TYPE "IndicatorType" AS ENUM ('strategic', 'routine');

-- CreateEnum
CREATE TYPE "ResultLevel" AS ENUM ('output', 'outcome');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "name_sort_key" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parent_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fiscal_year" (
    "year" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,

    CONSTRAINT "fiscal_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "strategy_node" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "StrategyLevel" NOT NULL,
    "parent_id" INTEGER,

    CONSTRAINT "strategy_node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy" (
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "serial" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "name_sort_key" TEXT NOT NULL,
    "responsible_officer" TEXT NOT NULL DEFAULT '',
    "responsible_unit_id" INTEGER,
    "budget_unit_id" INTEGER,
    "rationale" TEXT NOT NULL DEFAULT '',
    "objectives" TEXT NOT NULL DEFAULT '',
    "targets" TEXT NOT NULL DEFAULT '',
    "strategy_node_id" INTEGER,
    "budget_allocated" DECIMAL(14,2),
    "budget_spent" DECIMAL(14,2),
    "planned_start" DATE,
    "planned_finish" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_policy" (
    "project_id" INTEGER NOT NULL,
    "policy_code" VARCHAR(10) NOT NULL,

    CONSTRAINT "project_policy_pkey" PRIMARY KEY ("project_id","policy_code")
);

-- CreateTable
CREATE TABLE "plan_step" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "step_order" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DECIMAL(5,2) NOT NULL,
    "planned_start" DATE,
    "planned_end" DATE,
    "actual_start" DATE,
    "actual_end" DATE,
    "completion" DECIMAL(5,2) NOT NULL DEFAULT 0,

    CONSTRAINT "plan_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_report" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "report_date" DATE NOT NULL,
    "percent" DECIMAL(5,2) NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT '',
    "problems" TEXT NOT NULL DEFAULT '',
    "obstacles" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "progress_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarter_evaluation" (
    "project_id" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarter_evaluation_pkey" PRIMARY KEY ("project_id","quarter")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "measure_unit" TEXT NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "achieved" DECIMAL(14,2),
    "type" "IndicatorType" NOT NULL,
    "result_level" "ResultLevel" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_indicator" (
    "project_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,

    CONSTRAINT "project_indicator_pkey" PRIMARY KEY ("project_id","indicator_id")
);

-- CreateTable
CREATE TABLE "indicator_quarter_result" (
    "indicator_id" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "score_2_1" DECIMAL(5,2),
    "score_2_2" DECIMAL(5,2),

    CONSTRAINT "indicator_quarter_result_pkey" PRIMARY KEY ("indicator_id","quarter")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_node_code_key" ON "strategy_node"("code");

-- CreateIndex
CREATE INDEX "strategy_node_parent_id_idx" ON "strategy_node"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_code_key" ON "project"("code");

-- CreateIndex
CREATE INDEX "project_fiscal_year_unit_id_idx" ON "project"("fiscal_year", "unit_id");

-- CreateIndex
CREATE INDEX "project_responsible_unit_id_idx" ON "project"("responsible_unit_id");

-- CreateIndex
CREATE INDEX "project_budget_unit_id_idx" ON "project"("budget_unit_id");

-- CreateIndex
CREATE INDEX "project_strategy_node_id_idx" ON "project"("strategy_node_id");

-- CreateIndex
CREATE INDEX "project_name_sort_key_idx" ON "project"("name_sort_key");

-- CreateIndex
CREATE UNIQUE INDEX "project_unit_id_serial_key" ON "project"("unit_id", "serial");

-- CreateIndex
CREATE INDEX "project_policy_policy_code_idx" ON "project_policy"("policy_code");

-- CreateIndex
CREATE UNIQUE INDEX "plan_step_project_id_step_order_key" ON "plan_step"("project_id", "step_order");

-- CreateIndex
CREATE INDEX "progress_report_project_id_report_date_idx" ON "progress_report"("project_id", "report_date");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "indicator_fiscal_year_unit_id_idx" ON "indicator"("fiscal_year", "unit_id");

-- CreateIndex
CREATE INDEX "indicator_unit_id_idx" ON "indicator"("unit_id");

-- CreateIndex
CREATE INDEX "project_indicator_indicator_id_idx" ON "project_indicator"("indicator_id");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_node" ADD CONSTRAINT "strategy_node_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "strategy_node"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_fiscal_year_fkey" FOREIGN KEY ("fiscal_year") REFERENCES "fiscal_year"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_responsible_unit_id_fkey" FOREIGN KEY ("responsible_unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_budget_unit_id_fkey" FOREIGN KEY ("budget_unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_strategy_node_id_fkey" FOREIGN KEY ("strategy_node_id") REFERENCES "strategy_node"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_policy" ADD CONSTRAINT "project_policy_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_policy" ADD CONSTRAINT "project_policy_policy_code_fkey" FOREIGN KEY ("policy_code") REFERENCES "policy"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarter_evaluation" ADD CONSTRAINT "quarter_evaluation_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_fiscal_year_fkey" FOREIGN KEY ("fiscal_year") REFERENCES "fiscal_year"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_indicator" ADD CONSTRAINT "project_indicator_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_indicator" ADD CONSTRAINT "project_indicator_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_quarter_result" ADD CONSTRAINT "indicator_quarter_result_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Trigram indexes for substring search on normalised names
CREATE INDEX "project_name_search_trgm_idx" ON "project" USING GIN ("name_search" gin_trgm_ops);
CREATE INDEX "org_unit_name_search_trgm_idx" ON "org_unit" USING GIN ("name_search" gin_trgm_ops);

-- Sort keys order by code point ("C"), whatever the server's default collation (see thaiSortKey)
ALTER TABLE "org_unit" ALTER COLUMN "name_sort_key" TYPE TEXT COLLATE "C";
ALTER TABLE "project" ALTER COLUMN "name_sort_key" TYPE TEXT COLLATE "C";
