-- CreateTable
CREATE TABLE "CheckJob" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "error" TEXT,
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckJob_revisionId_key" ON "CheckJob"("revisionId");

-- CreateIndex
CREATE INDEX "CheckJob_status_runAfter_idx" ON "CheckJob"("status", "runAfter");

-- CreateIndex
CREATE INDEX "CheckJob_requestedById_idx" ON "CheckJob"("requestedById");

-- AddForeignKey
ALTER TABLE "CheckJob" ADD CONSTRAINT "CheckJob_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckJob" ADD CONSTRAINT "CheckJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

