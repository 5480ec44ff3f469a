import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { transitionAnnotation } from "@/lib/workflow/transition";
import { announce } from "@/lib/live/publish";

export interface WaiveFindingOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  /** why the article may go out with this finding standing: kept in the audit and the change report */
  reason: string;
}

/**
 * The reviewer lets a machine finding stand — it is right, but the article goes out as it is (a quote
 * kept as spoken, a credit the agency omits). Unlike a dismissal it says the finding was seen and
 * answered, in words the change report carries.
 */
export async function waiveFinding({ db, actor, id, version, reason }: WaiveFindingOptions): Promise<AnnotationView> {
  assertCan(actor, "change:review");
  const why = reason.trim();
  if (!why) throw new AppError("bad_input", "Say why the finding may stand.", { reason: "A reason is required." });
  const committed = db.$transaction(async (tx) => {
    const { after } = await transitionAnnotation(tx, {
      actor, id, version, action: "waive",
      data: () => ({ reviewedById: actor.id, reviewedAt: new Date(), reviewNote: why }),
      audit: { after: { reviewNote: why } },
    });
    return after!;
  });
  return announce(committed, actor, (a) => ({ articleId: a.articleId, what: "annotation" }));
}
