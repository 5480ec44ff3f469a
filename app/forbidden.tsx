import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">403 — not for your role</h1>
      <p className="mb-6 text-stone-700">Your account may not open this page. Ask an admin if you need access.</p>
      <Link href="/" className="btn btn-secondary">
        Back to articles
      </Link>
    </main>
  );
}
