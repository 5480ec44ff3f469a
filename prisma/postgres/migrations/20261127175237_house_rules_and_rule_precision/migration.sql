-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "advisory" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dismissReason" TEXT,
ADD COLUMN     "ruleVersion" INTEGER;

-- CreateTable
CREATE TABLE "HouseRule" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publishedVersion" INTEGER,
    "disabledAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseRuleVersion" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "spec" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "exampleResults" TEXT NOT NULL,
    "examplesPass" BOOLEAN NOT NULL,
    "authorId" TEXT NOT NULL,
    "lastEditedById" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "edit" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleState" (
    "ruleId" TEXT NOT NULL,
    "demotedAt" TIMESTAMP(3),
    "demotedVersion" INTEGER,
    "demotedReason" TEXT,
    "restoredAt" TIMESTAMP(3),
    "restoredById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleState_pkey" PRIMARY KEY ("ruleId")
);

-- CreateTable
CREATE TABLE "RuleDecision" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleDecision_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Annotation_source_status_idx" ON "Annotation"("source", "status");

-- AddForeignKey
ALTER TABLE "HouseRuleVersion" ADD CONSTRAINT "HouseRuleVersion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "HouseRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

