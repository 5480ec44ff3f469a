-- Four-eyes (decision 012): who last wrote a change, and whether re-anchoring moved it onto other text.
ALTER TABLE "Annotation" ADD COLUMN "lastEditedById" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "lastEditIssuerId" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "movedAt" DATETIME;
ALTER TABLE "Annotation" ADD COLUMN "movedFrom" TEXT;

-- Until now only the author could write a change's replacement or range (or an admin, unrecorded):
-- the author is the best known last writer.
UPDATE "Annotation" SET "lastEditedById" = "authorId" WHERE "status" NOT IN ('suggested', 'dismissed');
