import Link from "next/link";
import { requirePageActor } from "@/app/_auth/current-actor";
import { RuleEditor } from "@/components/rules/RuleEditor";

export const metadata = { title: "New house rule · Copydesk" };

export default async function NewRulePage() {
  await requirePageActor("house-rule:edit");
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <p className="text-sm"><Link href="/rules" className="underline">Rules</Link></p>
      <h1 className="font-serif text-3xl font-bold">New house rule</h1>
      <p className="text-stone-700">Saving stores a draft and runs its examples. Another person publishes it.</p>
      <RuleEditor ruleKey={null} spec={null} edit={null} />
    </main>
  );
}
