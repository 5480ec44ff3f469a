import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentActor } from "@/app/_auth/current-actor";
import { signOut } from "@/app/signin/actions";
import { can } from "@/lib/auth/roles";
import "./globals.css";

export const metadata: Metadata = { title: "Copydesk", description: "Editorial review for the copy desk" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to content
        </a>
        {actor && (
          <header className="border-b border-stone-300 bg-white">
            <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
              <Link href="/" className="font-serif text-xl font-bold">
                Copydesk
              </Link>
              <Link href="/" className="text-sm hover:underline">
                Articles
              </Link>
              {can(actor, "article:ingest") && (
                <Link href="/articles/new" className="text-sm hover:underline">
                  Ingest article
                </Link>
              )}
              {can(actor, "change:review") && (
                <Link href="/review" className="text-sm hover:underline">
                  Review queue
                </Link>
              )}
              {can(actor, "audit:read-all") && (
                <Link href="/admin/audit" className="text-sm hover:underline">
                  Audit log
                </Link>
              )}
              {can(actor, "dictionary:edit") && (
                <Link href="/admin/dictionary" className="text-sm hover:underline">
                  Dictionary
                </Link>
              )}
              {can(actor, "api-token:manage") && (
                <Link href="/admin/tokens" className="text-sm hover:underline">
                  API tokens
                </Link>
              )}
              {can(actor, "dismissal:undo") && (
                <Link href="/admin/dismissals" className="text-sm hover:underline">
                  Dismissals
                </Link>
              )}
              <span className="ml-auto text-sm text-stone-700">
                {actor.name} · <span className="font-medium">{actor.role}</span>
              </span>
              <form action={signOut}>
                <button type="submit" className="btn btn-secondary">
                  Sign out
                </button>
              </form>
            </nav>
          </header>
        )}
        {children}
      </body>
    </html>
  );
}
