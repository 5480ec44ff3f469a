import { requirePageActor } from "@/app/_auth/current-actor";
import { IngestForm } from "@/components/ingest/IngestForm";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";
import { formatBytes } from "@/lib/ingest/decode-source";

export const metadata = { title: "Ingest article · Copydesk" };

export default async function NewArticlePage() {
  await requirePageActor("article:ingest");
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Ingest an article</h1>
      <p className="mb-6 text-stone-700">
        Paste the text, upload a .txt, .md or .html file, or give the story&apos;s URL (up to {formatBytes(MAX_SOURCE_BYTES)}). Copydesk finds
        its structure; check the blocks and correct any kind before saving.
      </p>
      <IngestForm />
    </main>
  );
}
