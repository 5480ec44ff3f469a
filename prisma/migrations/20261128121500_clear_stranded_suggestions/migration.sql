-- Data repair (no schema change). A check job that was still running when a change was applied used
-- to store its findings on the revision it had checked, which was no longer the newest: suggestions
-- nobody saw and nothing could clear, which held up the article's sign-off for good. Such findings
-- are about text the article no longer has; the newest revision has checks of its own.
DELETE FROM "Annotation"
WHERE "status" = 'suggested'
  AND "revisionId" <> (
    SELECT r."id" FROM "Revision" r WHERE r."articleId" = "Annotation"."articleId" ORDER BY r."number" DESC LIMIT 1
  );
