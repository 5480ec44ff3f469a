import type { DiffPart } from "@/lib/revisions/word-diff";
import { DiffText } from "./DiffText";

/** *Show changes*: the current text with every applied change since the original marked in place. */
export function ShowChanges({ diff, revision }: { diff: DiffPart[] | null; revision: number }) {
  return (
    <section aria-label="Changes since the original" className="rounded border border-stone-300 bg-white p-6">
      <p className="mb-3 text-xs text-stone-600">
        Revision 1 (original) → revision {revision} (current): <ins className="bg-green-100 text-green-900">inserted</ins>,{" "}
        <del className="bg-red-100 text-red-900">deleted</del>.
      </p>
      {diff === null ? (
        <p className="text-sm text-stone-700">No changes have been applied yet: this is the original text.</p>
      ) : (
        <div className="whitespace-pre-wrap font-serif text-lg leading-relaxed">
          <DiffText parts={diff} />
        </div>
      )}
    </section>
  );
}
