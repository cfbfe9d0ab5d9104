-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "name_en" TEXT;
