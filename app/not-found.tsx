import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">404 — not found</h1>
      <p className="mb-6 text-stone-700">There is no article (or page) at this address. It may have been mistyped.</p>
      <Link href="/" className="btn btn-secondary">
        Back to articles
      </Link>
    </main>
  );
}
