"use client";

import { useEffect } from "react";
import type { Confirmation as Shown } from "./use-desk-actions";

const SHOW_MS = 8_000;

/**
 * "Approved change 4 — applied as revision 3": a short, visible word that an action went through,
 * at the bottom of the window, gone after a few seconds. Also a live region for screen readers.
 */
export function Confirmation({ confirmation, onDismiss }: { confirmation: Shown | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!confirmation) return;
    const t = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(t);
  }, [confirmation, onDismiss]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-20 flex max-w-md justify-end">
      {confirmation && (
        <p key={confirmation.at} data-testid="confirmation" className="pointer-events-auto flex items-start gap-2 rounded border border-green-800 bg-white px-3 py-2 text-sm text-stone-900 shadow-lg">
          <span aria-hidden="true" className="font-bold text-green-800">✓</span>
          <span>{confirmation.message}</span>
          <button type="button" className="ml-2 text-stone-600 underline" onClick={onDismiss} aria-label="Close the confirmation">
            close
          </button>
        </p>
      )}
    </div>
  );
}
