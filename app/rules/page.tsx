import Link from "next/link";
import { requirePageActor } from "@/app/_auth/current-actor";
import { ImportRulesForm } from "@/components/rules/ImportRulesForm";
import { RuleActionButton } from "@/components/rules/RuleActionButton";
import { TrendChart } from "@/components/rules/TrendChart";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { DEMOTE_AFTER, DEMOTE_BELOW } from "@/lib/house-rules/rule-decisions";
import { listRuleStats, TREND_WEEKS } from "@/lib/house-rules/rule-stats";

export const metadata = { title: "Rules · Copydesk" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

/** Every rule, built-in and house, with its measured precision: where the desk sees which rules earn their keep. */
export default async function RulesPage() {
  const actor = await requirePageActor("rules:read");
  const rows = await listRuleStats({ db, actor });
  const mayEdit = can(actor, "house-rule:edit");
  return (
    <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="font-serif text-3xl font-bold">Rules</h1>
        {mayEdit && <Link href="/rules/new" className="btn btn-primary">New house rule</Link>}
        {can(actor, "house-rule:export") && (
          <span className="text-sm">
            Export the published set: <a href="/rules/export/yaml" className="underline">YAML</a> · <a href="/rules/export/json" className="underline">JSON</a>
          </span>
        )}
      </div>
      <p className="max-w-3xl text-stone-700">
        Precision is the share of a rule&apos;s findings the desk judged right (accepted, approved, or waived: seen, right, and let stand) among those judged (right, marked wrong or
        rejected); “not now” dismissals count as decisions but not as verdicts. A rule under {pct(DEMOTE_BELOW)} after {DEMOTE_AFTER} verdicts is demoted
        to advisory: its findings are still shown but hold nothing up. Trend: the last {TREND_WEEKS} weeks.
      </p>
      {mayEdit && <ImportRulesForm />}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Every rule with its findings, decisions, precision, trend and latest false alarms</caption>
        <thead>
          <tr className="border-b border-stone-400 text-stone-700">
            <th scope="col" className="py-2 pr-3">Rule</th>
            <th scope="col" className="py-2 pr-3 text-right">Findings</th>
            <th scope="col" className="py-2 pr-3">Decisions</th>
            <th scope="col" className="py-2 pr-3 text-right">Precision</th>
            <th scope="col" className="py-2 pr-3">Trend</th>
            <th scope="col" className="py-2">Latest false alarms</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`border-b border-stone-200 align-top ${r.demotion ? "bg-amber-50" : ""}`} data-rule={r.id}>
              <th scope="row" className="max-w-xs py-2 pr-3 font-normal">
                {r.key ? (
                  <Link href={`/rules/${r.key}`} className="font-semibold underline">{r.title}</Link>
                ) : (
                  <span className="font-semibold">{r.id}</span>
                )}
                <span className="block text-xs text-stone-600">
                  {r.kind === "house" ? `house:${r.key} · ${r.version ? `v${r.version}` : "not published"}${r.draft ? " · draft open" : ""}${r.disabled ? " · disabled" : ""}` : `built-in · ${r.title.slice(0, 90)}${r.title.length > 90 ? "…" : ""}`}
                </span>
                {r.demotion && (
                  <span className="mt-1 block text-xs text-amber-900">
                    <strong>Demoted to advisory</strong>: {r.demotion.reason}
                    {can(actor, "rule:restore") && (
                      <span className="mt-1 block">
                        <RuleActionButton command={{ kind: "restore", ruleId: r.id }} label={`Restore ${r.id}`}>Restore</RuleActionButton>
                      </span>
                    )}
                  </span>
                )}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{r.findings}</td>
              <td className="py-2 pr-3 text-xs text-stone-700">
                {r.decisions.accepted} accepted · {r.decisions.approved} approved · {r.decisions.waived} waived · {r.decisions.wrong} wrong · {r.decisions.rejected} rejected · {r.decisions.not_now} not now
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                <span className="font-semibold">{pct(r.precision)}</span>
                <span className="block text-xs text-stone-600">{r.right} of {r.judged}</span>
              </td>
              <td className="py-2 pr-3">
                <TrendChart trend={r.trend} label={r.id} />
              </td>
              <td className="py-2 text-xs">
                {r.falseAlarms.length === 0 ? (
                  <span className="text-stone-500">none</span>
                ) : (
                  <ul className="space-y-1">
                    {r.falseAlarms.map((f) => (
                      <li key={f.id} className="font-serif">
                        <a href={`/articles/${f.articleId}`} className="hover:underline">
                          …{f.prefix.slice(-30)}<mark className="bg-red-100 font-semibold">{f.exact.slice(0, 60)}</mark>{f.suffix.slice(0, 30)}…
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
