"use client";

import { useEffect, useRef } from "react";

/** The list of keys, as a dialog that takes focus and closes on Escape. */
export function KeyboardHelp({ onClose, reviewer }: { onClose: () => void; reviewer: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const keys: [string, string][] = [
    ["j", "next annotation (highlight and card together)"],
    ["k", "previous annotation"],
    ["a", reviewer ? "approve the change (applies it)" : "accept the suggestion (a fix in one go; one without a fix opens the form)"],
    ["r", reviewer ? "reject the change (asks for a reason)" : "dismiss the suggestion"],
    ["e", "edit your annotation"],
    ["?", "show or hide this list"],
  ];
  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby="keys-title"
      tabIndex={-1}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
      className="rounded border-2 border-blue-700 bg-white p-3 text-sm shadow"
    >
      <h3 id="keys-title" className="mb-2 font-semibold">
        Keyboard shortcuts
      </h3>
      <dl className="grid grid-cols-[2rem_1fr] gap-1">
        {keys.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-stone-400 px-1">{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn btn-secondary mt-2" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
