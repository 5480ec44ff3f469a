-- Stable annotation numbers (decision 017): "#7" means the same mark for the article's whole life.
-- Article.lastAnnotationNumber is the counter (never decremented, so a deleted mark's number is not
-- given again); existing marks are numbered in creation order.
ALTER TABLE "Article" ADD COLUMN "lastAnnotationNumber" INTEGER NOT NULL DEFAULT 0;

PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "revisionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "replacement" TEXT,
    "note" TEXT,
    "speaker" TEXT,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "source" TEXT NOT NULL DEFAULT 'editor',
    "message" TEXT,
    "confidence" REAL,
    "fingerprint" TEXT,
    "authorId" TEXT NOT NULL,
    "lastEditedById" TEXT,
    "lastEditIssuerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "movedAt" DATETIME,
    "movedFrom" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "reviewNote" TEXT,
    "appliedRevisionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Annotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Annotation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Annotation_appliedRevisionId_fkey" FOREIGN KEY ("appliedRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("number", "appliedRevisionId", "articleId", "authorId", "category", "confidence", "createdAt", "end", "exact", "fingerprint", "id", "lastEditIssuerId", "lastEditedById", "message", "movedAt", "movedFrom", "note", "prefix", "replacement", "reviewNote", "reviewedAt", "reviewedById", "revisionId", "source", "speaker", "start", "status", "suffix", "updatedAt", "version") SELECT ROW_NUMBER() OVER (PARTITION BY "articleId" ORDER BY "createdAt", "id"), "appliedRevisionId", "articleId", "authorId", "category", "confidence", "createdAt", "end", "exact", "fingerprint", "id", "lastEditIssuerId", "lastEditedById", "message", "movedAt", "movedFrom", "note", "prefix", "replacement", "reviewNote", "reviewedAt", "reviewedById", "revisionId", "source", "speaker", "start", "status", "suffix", "updatedAt", "version" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_reviewedById_idx" ON "Annotation"("reviewedById");
CREATE INDEX "Annotation_appliedRevisionId_idx" ON "Annotation"("appliedRevisionId");
CREATE INDEX "Annotation_articleId_idx" ON "Annotation"("articleId");
CREATE INDEX "Annotation_revisionId_idx" ON "Annotation"("revisionId");
CREATE INDEX "Annotation_authorId_idx" ON "Annotation"("authorId");
CREATE INDEX "Annotation_articleId_fingerprint_idx" ON "Annotation"("articleId", "fingerprint");
CREATE INDEX "Annotation_status_idx" ON "Annotation"("status");
CREATE UNIQUE INDEX "Annotation_articleId_number_key" ON "Annotation"("articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

UPDATE "Article" SET "lastAnnotationNumber" = COALESCE((SELECT MAX("number") FROM "Annotation" WHERE "Annotation"."articleId" = "Article"."id"), 0);
