"use client";

import { useState, useTransition } from "react";
import { undoDismissalAction } from "@/app/admin/actions";

export function UndoDismissalButton({ id, version, label }: { id: string; version: number; label: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        aria-label={`Undo dismissal of “${label.slice(0, 40)}”`}
        onClick={() =>
          start(async () => {
            const r = await undoDismissalAction({ id, version });
            setError(r.ok ? null : r.error.message);
          })
        }
      >
        Undo
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
