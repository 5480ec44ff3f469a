"use client";

/** Any error no form handled: a plain message, never a stack trace; the details are in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">Something went wrong</h1>
      <p className="mb-6 text-stone-700">Nothing you saved before this was lost. Try again, or go back to the article list.</p>
      <div className="flex gap-2">
        <button type="button" className="btn btn-primary" onClick={reset}>
          Try again
        </button>
        <a href="/" className="btn btn-secondary">
          Articles
        </a>
      </div>
    </main>
  );
}
