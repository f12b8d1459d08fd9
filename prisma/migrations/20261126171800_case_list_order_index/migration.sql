-- CreateIndex
CREATE INDEX "Case_createdAt_id_idx" ON "Case"("createdAt" DESC, "id" DESC);
