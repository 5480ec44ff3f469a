"use client";

import { useState, useTransition } from "react";
import { removeWordAction } from "@/app/admin/actions";

export function RemoveWordButton({ id, word }: { id: string; word: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-danger"
        disabled={pending}
        aria-label={`Remove ${word}`}
        onClick={() =>
          start(async () => {
            const r = await removeWordAction({ id });
            setError(r.ok ? null : r.error.message);
          })
        }
      >
        Remove
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
