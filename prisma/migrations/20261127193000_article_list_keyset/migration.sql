-- DropIndex
DROP INDEX "Article_createdAt_idx";

-- CreateIndex
CREATE INDEX "Article_createdAt_id_idx" ON "Article"("createdAt", "id");
