import { notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { ArticleWorkspace } from "@/components/article/ArticleWorkspace";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getArticle } from "@/lib/articles/get-article";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id } = await params;
  const article = await getArticle({ db, actor, id }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-stone-700">
        <StatusBadge status={article.status} />
        <span>
          Revision {article.revision.number} · ingested by {article.createdByName}
        </span>
      </div>
      <ArticleWorkspace
        article={article}
        actor={{ id: actor.id, role: actor.role }}
        can={{
          annotate: can(actor, "annotation:create") && article.status !== "approved",
          editBlocks: can(actor, "article:edit-blocks") && article.status !== "approved",
          submit: can(actor, "article:submit"),
          review: can(actor, "change:review"),
          decideArticle: can(actor, "article:approve"),
          comment: can(actor, "comment:create"),
        }}
      />
    </main>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const row = await db.article.findUnique({ where: { id }, select: { title: true } });
  return { title: row ? `${row.title} · Copydesk` : "Not found · Copydesk" };
}
