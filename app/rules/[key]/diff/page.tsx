import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { diffRuleVersions } from "@/lib/house-rules/diff-versions";

export const metadata = { title: "Rule changes · Copydesk" };

export default async function RuleDiffPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requirePageActor("rules:read");
  const { key } = await params;
  const q = await searchParams;
  const from = Number(q.from);
  const to = Number(q.to);
  if (!Number.isInteger(from) || !Number.isInteger(to)) notFound();
  const parts = await diffRuleVersions({ db, actor, key: decodeURIComponent(key), from, to }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <p className="text-sm"><Link href={`/rules/${key}`} className="underline">Back to the rule</Link></p>
      <h1 className="font-serif text-3xl font-bold">house:{decodeURIComponent(key)}: version {from} → {to}</h1>
      <pre className="overflow-x-auto rounded border border-stone-300 bg-white p-3 text-sm" aria-label={`Changes from version ${from} to ${to}`}>
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i} className="block bg-green-50 text-green-900 no-underline"><span aria-hidden="true">+ </span><span className="sr-only">added: </span>{p.value}</ins>
          ) : p.removed ? (
            <del key={i} className="block bg-red-50 text-red-900"><span aria-hidden="true">- </span><span className="sr-only">removed: </span>{p.value}</del>
          ) : (
            <span key={i} className="block text-stone-600">{p.value}</span>
          ),
        )}
      </pre>
    </main>
  );
}
