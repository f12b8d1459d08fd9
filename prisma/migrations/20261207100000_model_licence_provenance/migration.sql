-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "licence" TEXT,
ADD COLUMN     "provenance" JSONB;
