"use client";

import { useLiveRefresh } from "./use-live-refresh";

/** Keeps a desk-wide page (the article list, the review queue) current while it is open. */
export function LiveDesk({ renderedAt }: { renderedAt: number }) {
  const { waiting } = useLiveRefresh(null, renderedAt);
  return (
    <p role="status" aria-label="Updates" className="text-sm text-stone-700">
      {waiting && "There are changes from others. The list updates when you finish typing."}
    </p>
  );
}
