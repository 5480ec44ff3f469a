"use client";

import { useState, useTransition } from "react";
import { backtestRuleAction } from "@/app/rules/actions";
import type { BacktestReport } from "@/lib/house-rules/backtest-draft";
import type { ActionError } from "@/lib/errors";
import { ErrorNotice } from "@/components/ui/ErrorNotice";

/** Run a version over the current revision of every stored article and show each match in its context. */
export function BacktestPanel({ ruleKey, version }: { ruleKey: string; version: number }) {
  const [pending, start] = useTransition();
  const [report, setReport] = useState<BacktestReport | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <section aria-labelledby="backtest" className="space-y-3 rounded border border-stone-300 bg-white p-4">
      <h2 id="backtest" className="font-semibold">Backtest on the archive</h2>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await backtestRuleAction({ key: ruleKey, version });
            setReport(r.ok ? r.data : null);
            setError(r.ok ? null : r.error);
          })
        }
      >
        {pending ? "Backtesting…" : `Backtest version ${version}`}
      </button>
      {error && <ErrorNotice error={error} />}
      {report && (
        <div role="status" className="space-y-2">
          <p className="text-sm">
            <strong>{report.counts.matches}</strong> {report.counts.matches === 1 ? "match" : "matches"} in <strong>{report.counts.docsWithMatches}</strong> of{" "}
            {report.counts.docs} articles read ({report.counts.articles} stored), {report.ms} ms.
            {report.truncated && " Stopped early (time budget or match limit): the counts are a lower bound."}
          </p>
          {report.matches.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Each match in its context</caption>
              <thead>
                <tr className="border-b border-stone-300 text-stone-600">
                  <th scope="col" className="py-1 pr-2">Article</th>
                  <th scope="col" className="py-1 pr-2">In context</th>
                  <th scope="col" className="py-1">Would become</th>
                </tr>
              </thead>
              <tbody>
                {report.matches.map((m) => (
                  <tr key={`${m.docId}-${m.start}`} className="border-b border-stone-100 align-top">
                    <td className="py-1 pr-2">
                      <a href={`/articles/${m.docId}`} className="underline">{m.title}</a>
                    </td>
                    <td className="py-1 pr-2 font-serif">
                      …{m.before}
                      <mark className="bg-amber-200 font-semibold">{m.exact}</mark>
                      {m.after}…
                    </td>
                    <td className="py-1">{m.replacement === null ? <span className="text-stone-600">(flag only)</span> : m.replacement === "" ? <span className="text-stone-600">(delete)</span> : m.replacement}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
