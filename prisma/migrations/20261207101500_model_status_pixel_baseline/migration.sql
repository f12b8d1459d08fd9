-- CreateEnum
CREATE TYPE "ModelVersionStatus" AS ENUM ('READY', 'FAILED');

-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "status" "ModelVersionStatus" NOT NULL DEFAULT 'READY',
ADD COLUMN     "statusReason" TEXT;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "baseline" JSONB;
