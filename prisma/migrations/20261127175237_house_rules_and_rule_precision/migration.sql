-- CreateTable
CREATE TABLE "HouseRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "publishedVersion" INTEGER,
    "disabledAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HouseRuleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "spec" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "exampleResults" TEXT NOT NULL,
    "examplesPass" BOOLEAN NOT NULL,
    "authorId" TEXT NOT NULL,
    "lastEditedById" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" DATETIME,
    "edit" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HouseRuleVersion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "HouseRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RuleState" (
    "ruleId" TEXT NOT NULL PRIMARY KEY,
    "demotedAt" DATETIME,
    "demotedVersion" INTEGER,
    "demotedReason" TEXT,
    "restoredAt" DATETIME,
    "restoredById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RuleDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "verdict" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "day" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
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
    "ruleVersion" INTEGER,
    "advisory" BOOLEAN NOT NULL DEFAULT false,
    "dismissReason" TEXT,
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
INSERT INTO "new_Annotation" ("appliedRevisionId", "articleId", "authorId", "category", "confidence", "createdAt", "end", "exact", "fingerprint", "id", "lastEditIssuerId", "lastEditedById", "message", "movedAt", "movedFrom", "note", "number", "prefix", "replacement", "reviewNote", "reviewedAt", "reviewedById", "revisionId", "source", "speaker", "start", "status", "suffix", "updatedAt", "version") SELECT "appliedRevisionId", "articleId", "authorId", "category", "confidence", "createdAt", "end", "exact", "fingerprint", "id", "lastEditIssuerId", "lastEditedById", "message", "movedAt", "movedFrom", "note", "number", "prefix", "replacement", "reviewNote", "reviewedAt", "reviewedById", "revisionId", "source", "speaker", "start", "status", "suffix", "updatedAt", "version" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_reviewedById_idx" ON "Annotation"("reviewedById");
CREATE INDEX "Annotation_appliedRevisionId_idx" ON "Annotation"("appliedRevisionId");
CREATE INDEX "Annotation_articleId_idx" ON "Annotation"("articleId");
CREATE INDEX "Annotation_revisionId_idx" ON "Annotation"("revisionId");
CREATE INDEX "Annotation_authorId_idx" ON "Annotation"("authorId");
CREATE INDEX "Annotation_articleId_fingerprint_idx" ON "Annotation"("articleId", "fingerprint");
CREATE INDEX "Annotation_status_idx" ON "Annotation"("status");
CREATE INDEX "Annotation_source_status_idx" ON "Annotation"("source", "status");
CREATE UNIQUE INDEX "Annotation_articleId_number_key" ON "Annotation"("articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "HouseRule_key_key" ON "HouseRule"("key");

-- CreateIndex
CREATE INDEX "HouseRuleVersion_status_idx" ON "HouseRuleVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "HouseRuleVersion_ruleId_version_key" ON "HouseRuleVersion"("ruleId", "version");

-- CreateIndex
CREATE INDEX "RuleDecision_ruleId_ruleVersion_current_idx" ON "RuleDecision"("ruleId", "ruleVersion", "current");

-- CreateIndex
CREATE INDEX "RuleDecision_ruleId_day_idx" ON "RuleDecision"("ruleId", "day");

-- CreateIndex
CREATE INDEX "RuleDecision_annotationId_idx" ON "RuleDecision"("annotationId");

-- CreateIndex
CREATE INDEX "RuleDecision_ruleId_createdAt_idx" ON "RuleDecision"("ruleId", "createdAt");

