-- CreateTable
CREATE TABLE "import_flag" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "path" VARCHAR(100) NOT NULL,
    "message_th" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_flag_project_id_idx" ON "import_flag"("project_id");

-- AddForeignKey
ALTER TABLE "import_flag" ADD CONSTRAINT "import_flag_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
