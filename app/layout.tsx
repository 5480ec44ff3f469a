import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentActor } from "@/app/_auth/current-actor";
import { signOut } from "@/app/signin/actions";
import { can, type Permission } from "@/lib/auth/roles";
import "./globals.css";

/** The main navigation; each link shows only to roles that may use its page (the page checks again). */
const NAV: { href: string; label: string; permission?: Permission }[] = [
  { href: "/", label: "Articles" },
  { href: "/articles/new", label: "Ingest article", permission: "article:ingest" },
  { href: "/review", label: "Review queue", permission: "change:review" },
  { href: "/rules", label: "Rules", permission: "rules:read" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read-all" },
  { href: "/admin/dictionary", label: "Dictionary", permission: "dictionary:edit" },
  { href: "/admin/tokens", label: "API tokens", permission: "api-token:manage" },
  { href: "/admin/dismissals", label: "Dismissals", permission: "dismissal:undo" },
];

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
            <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
              <Link href="/" className="font-serif text-xl font-bold">
                Copydesk
              </Link>
              {NAV.filter((item) => !item.permission || can(actor, item.permission)).map((item) => (
                <Link key={item.href} href={item.href} className="text-sm hover:underline">
                  {item.label}
                </Link>
              ))}
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
