"use client";

import type { ReactNode } from "react";

/**
 * A submit button for an action that cannot be undone (revoking a token breaks whatever uses it):
 * it asks first. The form stays a plain server-action form, so it still works without JavaScript,
 * only without the question.
 */
export function ConfirmSubmitButton({ question, className, label, children }: { question: string; className: string; label?: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      className={className}
      aria-label={label}
      onClick={(e) => {
        if (!window.confirm(question)) e.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
