import type { ExampleResult } from "@/lib/house-style/examples";

/** The examples' results from the last save: each example with what the rule found, failures first in the eye. */
export function ExampleResults({ results, pass }: { results: ExampleResult[]; pass: boolean }) {
  return (
    <section aria-labelledby="example-results" className="rounded border border-stone-300 bg-white p-4">
      <h2 id="example-results" className="mb-2 font-semibold">
        Example results: {pass ? <span className="text-green-800">all pass</span> : <span className="text-red-800">not publishable</span>}
      </h2>
      <ul className="space-y-1 text-sm">
        {results.map((r) => (
          <li key={`${r.kind}-${r.index}`} className="flex gap-2">
            <span className={`w-14 shrink-0 font-semibold ${r.pass ? "text-green-800" : "text-red-800"}`}>{r.pass ? "✓ pass" : "✗ fail"}</span>
            <span>
              <span className="text-stone-600">{r.kind === "flag" ? "must flag" : "must pass"}:</span> <q className="font-serif">{r.text}</q>
              {r.found.length > 0 && (
                <span className="text-stone-700"> — found {r.found.map((f) => `“${f.exact}”${f.replacement !== null ? ` → “${f.replacement}”` : ""}`).join(", ")}</span>
              )}
              {r.problem && <span className="block text-red-800">{r.problem}</span>}
            </span>
          </li>
        ))}
        {results.length === 0 && <li className="text-stone-600">No examples yet: a rule needs one it must flag and one it must not.</li>}
      </ul>
    </section>
  );
}
