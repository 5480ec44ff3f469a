import type { ActionError } from "@/lib/errors";

/** A failed action, said plainly; `role=alert` so screen readers hear it at once. */
export function ErrorNotice({ error }: { error: ActionError }) {
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {error.message}
    </p>
  );
}
