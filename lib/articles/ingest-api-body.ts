import { assertCan, type Actor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { readRawSource } from "@/lib/ingest/read-source";
import { ingestOffThread, oneUploadAtATime, parseBodyOffThread } from "./ingest-off-thread";

/**
 * `POST /api/articles`'s body, as bytes already read, stored as a new article. One upload at a time,
 * the body decoded, validated and parsed on the ingest thread (and stored there on PostgreSQL): a
 * 2 MB body must not hold up other people's pages (decision 031). A URL named in the body is fetched
 * here, with the address checks, outside the upload turn, and then stored in one.
 */
export async function ingestApiBody({ actor, bytes }: { actor: Actor; bytes: Uint8Array }) {
  assertCan(actor, "article:ingest");
  const stored = await oneUploadAtATime(async () => {
    const body = await parseBodyOffThread(bytes);
    return "url" in body ? body : await ingestOffThread({ actor, source: body.parsed, sourceKind: "api", sourceName: null });
  });
  if (!("url" in stored)) return stored;
  const { source, sourceName } = await readRawSource({ kind: "url", url: stored.url }, { allowPrivateUrls: env.ALLOW_PRIVATE_URLS });
  return oneUploadAtATime(() => ingestOffThread({ actor, source, sourceKind: "url", sourceName }));
}
