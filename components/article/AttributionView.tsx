"use client";

import type { QuoteAttribution } from "@/lib/checks/types";

/** Every quotation with its speaker and the words that tie them, from the newest check run. */
export function AttributionView({ quotes, onShow }: { quotes: QuoteAttribution[]; onShow?: (start: number, end: number) => void }) {
  if (quotes.length === 0) return <p className="text-sm text-stone-600">No quotations found.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Quotations and their speakers</caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col" className="py-1 pr-2">Quote</th>
          <th scope="col" className="py-1 pr-2">Speaker</th>
          <th scope="col" className="py-1">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {quotes.map((q) => (
          <tr key={`${q.start}-${q.end}`} className="border-b border-stone-200 align-top" data-quote-speaker={q.speaker ?? ""}>
            <td className="py-1 pr-2 font-serif">
              {onShow ? (
                <button type="button" className="text-left text-blue-900 underline decoration-dotted hover:decoration-solid" onClick={() => onShow(q.start, q.end)}>
                  “{short(q.quote)}”
                </button>
              ) : (
                <>“{short(q.quote)}”</>
              )}
            </td>
            <td className={`py-1 pr-2 ${q.speaker ? "" : "font-semibold text-red-800"}`}>{q.speaker ?? "no speaker"}</td>
            <td className="py-1 text-stone-700">{q.evidence}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function short(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 80)}…` : quote;
}
