import type { DiffPart } from "@/lib/revisions/word-diff";

/** A word diff the way a word processor's suggestion mode shows it: inserted text underlined, deleted text struck. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-green-100 text-green-900 decoration-green-800">
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}
