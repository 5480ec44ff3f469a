import { requirePageActor } from "@/app/_auth/current-actor";
import { AddWordForm } from "@/components/admin/AddWordForm";
import { RemoveWordButton } from "@/components/admin/RemoveWordButton";
import { db } from "@/lib/db";
import { listDictionaryWords } from "@/lib/dictionary/dictionary-words";

export const metadata = { title: "Newsroom dictionary · Copydesk" };

export default async function DictionaryPage() {
  await requirePageActor("dictionary:edit");
  const words = await listDictionaryWords({ db });
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Newsroom dictionary</h1>
      <p className="mb-6 text-stone-700">Words the typo check accepts: local names, places, house spellings. Takes effect on the next check.</p>
      <AddWordForm />
      <ul className="mt-6 divide-y divide-stone-200 rounded border border-stone-300 bg-white" aria-label="Dictionary words">
        {words.length === 0 && <li className="p-3 text-stone-600">No words yet.</li>}
        {words.map((w) => (
          <li key={w.id} className="flex items-center gap-3 p-2">
            <span className="flex-1 font-serif">{w.word}</span>
            <span className="text-xs text-stone-600">{w.addedBy.name}</span>
            <RemoveWordButton id={w.id} word={w.word} />
          </li>
        ))}
      </ul>
    </main>
  );
}
