import type { ActionError } from "@/lib/errors";

/** A failed action, said plainly; `role=alert` so screen readers hear it at once. */
export function ErrorNotice({ error }: { error: ActionError }) {
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {error.message}
      {error.code === "unauthenticated" && (
        <>
          {" "}
          {/* in another tab: this one keeps what was typed, and the next try goes through with the new session */}
          <a href="/signin" target="_blank" rel="noopener" className="font-semibold underline">
            Sign in in a new tab
          </a>
          , then try again here.
        </>
      )}
    </p>
  );
}
