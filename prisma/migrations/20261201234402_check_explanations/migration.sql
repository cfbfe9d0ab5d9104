-- CreateTable
CREATE TABLE "check_explanation" (
    "project_id" INTEGER NOT NULL,
    "check_key" VARCHAR(60) NOT NULL,
    "text" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_explanation_pkey" PRIMARY KEY ("project_id","check_key")
);

-- AddForeignKey
ALTER TABLE "check_explanation" ADD CONSTRAINT "check_explanation_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

