import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The newest revision of an article (revisions are numbered 1, 2, … and never edited). */
export async function currentRevision(tx: Tx, articleId: string) {
  const revision = await tx.revision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true },
  });
  if (!revision) throw new AppError("not_found", "No such article.");
  return revision;
}
