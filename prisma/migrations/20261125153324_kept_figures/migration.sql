-- CreateTable
CREATE TABLE "project_figures" (
    "project_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "progress" DECIMAL(5,2),
    "last_report_date" DATE,
    "planned" DECIMAL(5,2) NOT NULL,
    "schedule_status" VARCHAR(12) NOT NULL,
    "reported_this_month" BOOLEAN NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "project_figures_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "unit_figures" (
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "projects" INTEGER NOT NULL,
    "progress_sum" DECIMAL(14,2) NOT NULL,
    "done" INTEGER NOT NULL,
    "no_schedule" INTEGER NOT NULL,
    "not_started" INTEGER NOT NULL,
    "behind" INTEGER NOT NULL,
    "on_track" INTEGER NOT NULL,
    "not_reported" INTEGER NOT NULL,
    "under_25" INTEGER NOT NULL,
    "under_50" INTEGER NOT NULL,
    "under_75" INTEGER NOT NULL,
    "under_100" INTEGER NOT NULL,
    "complete" INTEGER NOT NULL,
    "allocated" DECIMAL(16,2),
    "spent" DECIMAL(16,2),

    CONSTRAINT "unit_figures_pkey" PRIMARY KEY ("unit_id","fiscal_year")
);

-- CreateTable
CREATE TABLE "unit_month_figures" (
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "month_end" DATE NOT NULL,
    "projects" INTEGER NOT NULL,
    "progress_sum" DECIMAL(14,2) NOT NULL,
    "done" INTEGER NOT NULL,
    "no_schedule" INTEGER NOT NULL,
    "not_started" INTEGER NOT NULL,
    "behind" INTEGER NOT NULL,
    "on_track" INTEGER NOT NULL,
    "not_reported" INTEGER NOT NULL,
    "under_25" INTEGER NOT NULL,
    "under_50" INTEGER NOT NULL,
    "under_75" INTEGER NOT NULL,
    "under_100" INTEGER NOT NULL,
    "complete" INTEGER NOT NULL,
    "allocated" DECIMAL(16,2),
    "spent" DECIMAL(16,2),

    CONSTRAINT "unit_month_figures_pkey" PRIMARY KEY ("month_end","fiscal_year","unit_id")
);

-- CreateTable
CREATE TABLE "unit_indicator_figures" (
    "unit_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "indicators" INTEGER NOT NULL,
    "achieved" INTEGER NOT NULL,
    "achieved_q1" INTEGER NOT NULL,
    "achieved_q2" INTEGER NOT NULL,
    "achieved_q3" INTEGER NOT NULL,
    "achieved_q4" INTEGER NOT NULL,

    CONSTRAINT "unit_indicator_figures_pkey" PRIMARY KEY ("unit_id","fiscal_year")
);

-- CreateTable
CREATE TABLE "figures_calendar" (
    "id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "figures_calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "frozen_month" (
    "month_end" DATE NOT NULL,
    "frozen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "frozen_month_pkey" PRIMARY KEY ("month_end")
);

-- CreateIndex
CREATE INDEX "project_figures_fiscal_year_unit_id_idx" ON "project_figures"("fiscal_year", "unit_id");

-- CreateIndex
CREATE INDEX "project_figures_fiscal_year_schedule_status_idx" ON "project_figures"("fiscal_year", "schedule_status");
