"use client";

import { useLiveRefresh, type LivePerson } from "./use-live-refresh";

/** "Rita Reviewer (reviewer) is here", or "A (editor) and B (reviewer) are here". */
export function presenceSentence(people: LivePerson[]): string {
  const names = people.map((p) => `${p.name} (${p.role})`);
  if (names.length === 0) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${list} ${names.length === 1 ? "is" : "are"} here`;
}

/** The article page's live connection: who else has it open, and updates from them. */
export function LiveArticle({ articleId, renderedAt }: { articleId: string; renderedAt: number }) {
  const { people, waiting } = useLiveRefresh(articleId, renderedAt);
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
      <p role="status" aria-label="Who else is here" className="flex items-center gap-1 text-stone-800">
        {people.length > 0 && (
          <>
            <span aria-hidden="true">●</span>
            {presenceSentence(people)}
          </>
        )}
      </p>
      <p role="status" aria-label="Updates" className="text-stone-700">
        {waiting && "Someone else changed this article. Your view updates when you finish what you are doing."}
      </p>
    </div>
  );
}
