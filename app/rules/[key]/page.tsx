import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { BacktestPanel } from "@/components/rules/BacktestPanel";
import { ExampleResults } from "@/components/rules/ExampleResults";
import { PublishButton } from "@/components/rules/PublishButton";
import { RuleActionButton } from "@/components/rules/RuleActionButton";
import { RuleEditor } from "@/components/rules/RuleEditor";
import { TrendChart } from "@/components/rules/TrendChart";
import { LocalTime } from "@/components/ui/LocalTime";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ExampleResult } from "@/lib/house-style/examples";
import { houseRuleId } from "@/lib/house-style/types";
import { getHouseRule } from "@/lib/house-rules/get-house-rule";
import { listRuleStats } from "@/lib/house-rules/rule-stats";

export const metadata = { title: "House rule · Copydesk" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

export default async function RulePage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requirePageActor("rules:read");
  const { key } = await params;
  const rule = await getHouseRule({ db, actor, key: decodeURIComponent(key) }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [stats] = await listRuleStats({ db, actor, only: houseRuleId(rule.key), falseAlarmsPerRule: 10 });
  const shown = rule.draft ?? rule.published ?? rule.versions[0];
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <p className="text-sm"><Link href="/rules" className="underline">Rules</Link></p>
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-bold">{shown.spec.title}</h1>
        {/* a status region: publishing re-renders the page without its draft, and this line says what happened */}
        <p role="status" className="text-sm text-stone-700">
          <code>house:{rule.key}</code> ·{" "}
          {rule.published ? (
            <>published version {rule.published.version} by {rule.published.publisherName}{rule.published.publishedAt && <> on <LocalTime iso={rule.published.publishedAt} /></>}</>
          ) : (
            "not published yet"
          )}
          {rule.disabled && " · disabled (not in the checks)"}
        </p>
        {rule.published && can(actor, "house-rule:publish") && (
          <RuleActionButton command={{ kind: "disable", ruleKey: rule.key, disabled: !rule.disabled }}>{rule.disabled ? "Enable in the checks" : "Disable in the checks"}</RuleActionButton>
        )}
      </header>

      {rule.demotion && (
        <section role="note" className="rounded border border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p><strong>Demoted to advisory</strong> on <LocalTime iso={rule.demotion.at} />: {rule.demotion.reason}</p>
          <p className="text-sm">Its findings are still shown, marked advisory, but hold no article up. Publishing a better version, or an admin&apos;s restore, ends it.</p>
          {rule.canRestore && <RuleActionButton command={{ kind: "restore", ruleId: houseRuleId(rule.key) }}>Restore</RuleActionButton>}
        </section>
      )}

      {stats && (
        <section aria-labelledby="measure" className="rounded border border-stone-300 bg-white p-4">
          <h2 id="measure" className="mb-2 font-semibold">Measured precision{rule.publishedVersion ? ` (version ${rule.publishedVersion})` : ""}</h2>
          <div className="flex flex-wrap items-center gap-6 text-sm">
            <p><span className="text-2xl font-bold" data-testid="precision">{pct(stats.precision)}</span> <span className="text-stone-600">({stats.right} of {stats.judged} judged right)</span></p>
            <p>{stats.findings} findings · {stats.decisions.accepted} accepted · {stats.decisions.approved} approved · {stats.decisions.wrong} wrong · {stats.decisions.rejected} rejected · {stats.decisions.not_now} not now</p>
            <TrendChart trend={stats.trend} label={rule.key} />
          </div>
          {stats.falseAlarms.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-semibold">Latest false alarms</h3>
              <ul className="space-y-1 text-sm">
                {stats.falseAlarms.map((f) => (
                  <li key={f.id} className="font-serif">
                    <a href={`/articles/${f.articleId}`} className="hover:underline">…{f.prefix}<mark className="bg-red-100 font-semibold">{f.exact}</mark>{f.suffix}…</a>{" "}
                    <span className="font-sans text-xs text-stone-600">({f.kind === "wrong" ? "marked wrong" : "rejected"})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {rule.draft && (
        <section aria-labelledby="draft" className="space-y-3">
          <h2 id="draft" className="text-xl font-semibold">Draft version {rule.draft.version}</h2>
          <p className="text-sm text-stone-700">
            Written by {rule.draft.authorName}, last saved by {rule.draft.lastEditorName} on <LocalTime iso={rule.draft.updatedAt} />.
          </p>
          <ExampleResults results={rule.draft.exampleResults as ExampleResult[]} pass={rule.draft.examplesPass} />
          <PublishButton ruleKey={rule.key} version={rule.draft.version} edit={rule.draft.edit} allowed={rule.publish.allowed} reason={rule.publish.reason} />
          {rule.canEdit && <BacktestPanel ruleKey={rule.key} version={rule.draft.version} />}
        </section>
      )}

      {rule.canEdit && (
        <section aria-labelledby="edit" className="space-y-2">
          <h2 id="edit" className="text-xl font-semibold">{rule.draft ? `Edit draft version ${rule.draft.version}` : `Start version ${(rule.versions[0]?.version ?? 0) + 1} from the published text`}</h2>
          <RuleEditor key={`${shown.version}-${shown.edit}`} ruleKey={rule.key} spec={shown.spec} edit={rule.draft?.edit ?? null} />
        </section>
      )}

      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-xl font-semibold">History</h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-stone-600">
              <th scope="col" className="py-1 pr-2">Version</th>
              <th scope="col" className="py-1 pr-2">Status</th>
              <th scope="col" className="py-1 pr-2">Written by</th>
              <th scope="col" className="py-1 pr-2">Published by</th>
              <th scope="col" className="py-1">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rule.versions.map((v) => (
              <tr key={v.version} className="border-b border-stone-100">
                <td className="py-1 pr-2">{v.version}</td>
                <td className="py-1 pr-2">{v.status}</td>
                <td className="py-1 pr-2">{v.authorName}{v.lastEditorName !== v.authorName ? ` (last saved by ${v.lastEditorName})` : ""}</td>
                <td className="py-1 pr-2">{v.publisherName ?? "—"}{v.publishedAt && <> · <LocalTime iso={v.publishedAt} /></>}</td>
                <td className="flex flex-wrap gap-2 py-1">
                  {v.version > 1 && (
                    <Link href={`/rules/${rule.key}/diff?from=${v.version - 1}&to=${v.version}`} className="underline">
                      Changes from {v.version - 1}
                    </Link>
                  )}
                  {rule.canEdit && v.status !== "draft" && (
                    <RuleActionButton command={{ kind: "revert", ruleKey: rule.key, version: v.version, edit: rule.draft?.edit ?? null }} label={`Revert to version ${v.version}`}>
                      Revert to this
                    </RuleActionButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
