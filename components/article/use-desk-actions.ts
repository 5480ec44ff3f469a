"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/lib/errors";

/** Where a result is shown: an annotation's id (its card), or one of the page's other controls. */
export type Place = string | "new-mark" | "bulk" | "article" | "checks";

export interface Confirmation {
  message: string;
  /** a new confirmation with the same words still shows again */
  at: number;
}

/**
 * Runs the page's server actions. A failure is kept with the place it came from, so the card or
 * control that was clicked shows it (not the top of the panel); a conflict also reloads the page's
 * data, so that card shows what is true now. A success gives a visible confirmation and reloads.
 */
export function useDeskActions() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ place: Place; error: ActionError } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const dismissConfirmation = useCallback(() => setConfirmation(null), []);

  function run<T>(place: Place, call: () => Promise<ActionResult<T>>, done: (data: T) => string | void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setFailure({ place, error: result.error });
        if (result.error.code === "conflict" || result.error.code === "not_found") router.refresh();
        return;
      }
      setFailure(null);
      const message = done(result.data);
      if (message) setConfirmation({ message, at: Date.now() });
      router.refresh();
    });
  }

  return {
    pending,
    run,
    errorAt: (place: Place) => (failure?.place === place ? failure.error : null),
    clearError: () => setFailure(null),
    confirmation,
    dismissConfirmation,
  };
}
