import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writtenBy } from "@/lib/review/review-rules";
import { transitionAnnotation } from "@/lib/workflow/transition";
import { suggestedText } from "./preview-suggestions";
import { announce } from "@/lib/live/publish";

export interface AcceptSuggestionsOptions {
  db: Db;
  actor: Actor;
  articleId: string;
  /** each suggestion with the version the editor saw in the preview */
  decisions: { id: string; version: number }[];
}

/**
 * *Accept all*: the editor takes several machine fixes on as their proposed changes, as they stand,
 * in one transaction — all or none. Each goes through the lifecycle like a single accept (same rule,
 * same audit row); a fix someone handled meanwhile makes the whole batch a 409, so what is accepted
 * is exactly what the preview showed.
 */
export async function acceptSuggestions({ db, actor, articleId, decisions }: AcceptSuggestionsOptions): Promise<{ accepted: number }> {
  assertCan(actor, "suggestion:handle");
  const committed = db.$transaction(async (tx) => {
    const ids = decisions.map((d) => d.id);
    const { fixes } = await suggestedText(tx, articleId, ids);
    if (fixes.length !== ids.length) {
      throw new AppError("conflict", "Some of these suggestions were handled or changed since the preview. Nothing was accepted; look again.");
    }
    for (const d of decisions) {
      await transitionAnnotation(tx, {
        actor, id: d.id, version: d.version, articleId, action: "accept", audit: { full: true },
        data: () => ({ authorId: actor.id, ...writtenBy(actor) }),
      });
    }
    return { accepted: decisions.length };
  });
  return announce(committed, actor, () => ({ articleId, what: "annotation" }));
}
