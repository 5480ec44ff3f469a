import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">403 — not open to you</h1>
      {/* forbidden() carries no reason: name both there are (a role's page, or an article's trail
          that only the people who worked on it and admins see) */}
      <p className="mb-6 text-stone-700">
        Your account may not open this page: it is for another role, or, for an article&apos;s audit trail, for the people who worked on
        that article and for admins. Ask an admin if you need access.
      </p>
      <Link href="/" className="btn btn-secondary">
        Back to articles
      </Link>
    </main>
  );
}
