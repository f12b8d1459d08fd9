-- CreateEnum
CREATE TYPE "LabelOutcome" AS ENUM ('LABELLED', 'UNSURE', 'SKIPPED');

-- CreateTable
CREATE TABLE "LabellingBatch" (
    "id" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "strategy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabellingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabellingTask" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "imageId" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "reason" TEXT NOT NULL,
    "suggestion" JSONB NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "outcome" "LabelOutcome",
    "answeredAt" TIMESTAMP(3),
    "conceptCode" TEXT,
    "annotationId" TEXT,
    "suggestionShown" BOOLEAN,
    "suggestionAccepted" BOOLEAN,
    "needsSecondRead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LabellingTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LabellingBatch_readerId_createdAt_idx" ON "LabellingBatch"("readerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabellingTask_annotationId_key" ON "LabellingTask"("annotationId");

-- CreateIndex
CREATE INDEX "LabellingTask_imageId_round_idx" ON "LabellingTask"("imageId", "round");

-- CreateIndex
CREATE INDEX "LabellingTask_readerId_answeredAt_idx" ON "LabellingTask"("readerId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabellingTask_imageId_readerId_key" ON "LabellingTask"("imageId", "readerId");

-- CreateIndex
CREATE UNIQUE INDEX "LabellingTask_batchId_position_key" ON "LabellingTask"("batchId", "position");

-- AddForeignKey
ALTER TABLE "LabellingBatch" ADD CONSTRAINT "LabellingBatch_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabellingTask" ADD CONSTRAINT "LabellingTask_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "LabellingBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabellingTask" ADD CONSTRAINT "LabellingTask_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabellingTask" ADD CONSTRAINT "LabellingTask_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;


