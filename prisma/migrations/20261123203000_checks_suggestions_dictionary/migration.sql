-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "confidence" REAL;
ALTER TABLE "Annotation" ADD COLUMN "fingerprint" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "message" TEXT;

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "revisionId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "quotes" TEXT,
    "error" TEXT,
    "startedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "CheckRun_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DictionaryWord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "word" TEXT NOT NULL,
    "lower" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DictionaryWord_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CheckRun_revisionId_createdAt_idx" ON "CheckRun"("revisionId", "createdAt");

-- CreateIndex
CREATE INDEX "CheckRun_startedById_idx" ON "CheckRun"("startedById");

-- CreateIndex
CREATE UNIQUE INDEX "DictionaryWord_lower_key" ON "DictionaryWord"("lower");

-- CreateIndex
CREATE INDEX "DictionaryWord_addedById_idx" ON "DictionaryWord"("addedById");

-- CreateIndex
CREATE INDEX "Annotation_articleId_fingerprint_idx" ON "Annotation"("articleId", "fingerprint");

-- CreateIndex
CREATE INDEX "Annotation_status_idx" ON "Annotation"("status");

