import { notFound } from "next/navigation";
import { currentActor, requirePageActor } from "@/app/_auth/current-actor";
import { ArticleWorkspace } from "@/components/article/ArticleWorkspace";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { LocalTime } from "@/components/ui/LocalTime";
import { appliedChanges } from "@/lib/annotations/applied-marks";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getArticle } from "@/lib/articles/get-article";
import { deskActions } from "@/lib/workflow/rules";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id } = await params;
  // before the article is read: a change after this moment reaches the page live (components/live)
  const renderedAt = Date.now();
  const article = await getArticle({ db, actor, id }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const applied = await appliedChanges({ db, actor, articleId: article.id });
  // who relabelled is the server's to judge (deskActions); the browser gets only the view
  const { relabelledBy, ...view } = article;
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-stone-700">
        <StatusBadge status={article.status} />
        <span>
          Revision {article.revision.number} · <LocalTime iso={article.revision.createdAt} /> · ingested by {article.createdByName}
        </span>
      </div>
      <ArticleWorkspace
        article={view}
        actor={{ id: actor.id, role: actor.role }}
        can={deskActions(actor, { status: article.status, relabelledBy })}
        applied={applied}
        renderedAt={renderedAt}
      />
    </main>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  // metadata renders beside the page, also when the page redirects an anonymous visitor to sign in:
  // it must check for itself, or the title goes out in the body of that redirect
  const actor = await currentActor();
  if (!can(actor, "article:read")) return { title: "Copydesk" };
  const { id } = await params;
  const row = await db.article.findUnique({ where: { id }, select: { title: true } });
  return { title: row ? `${row.title} · Copydesk` : "Not found · Copydesk" };
}
