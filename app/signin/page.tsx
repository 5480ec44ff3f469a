import { redirect } from "next/navigation";
import { currentActor } from "@/app/_auth/current-actor";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata = { title: "Sign in · Copydesk" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentActor()) redirect("/");
  const { next } = await searchParams;
  return (
    <main id="main" className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-1 font-serif text-3xl font-bold">Copydesk</h1>
      <p className="mb-8 text-stone-600">Sign in to the copy desk.</p>
      {/* the action checks again: the hidden field can be edited */}
      <SignInForm next={next === undefined ? undefined : safeRedirectPath(next)} />
    </main>
  );
}
