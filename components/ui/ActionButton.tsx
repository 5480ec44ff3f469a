"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * A button that runs one server action and shows its refusal beside itself (role="alert"), so a
 * denial or a stale state is read where the click happened, never as an error page.
 */
export function ActionButton({
  run,
  children,
  className = "btn btn-secondary",
  label,
}: {
  run: () => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  className?: string;
  /** the accessible name when the visible text alone is ambiguous in a list */
  label?: string;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={pending}
        aria-label={label}
        onClick={() =>
          start(async () => {
            const r = await run();
            setError(r.ok ? null : r.error.message);
          })
        }
      >
        {children}
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
