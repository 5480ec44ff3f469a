import { db } from "@/lib/db";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import { readIngestBody } from "@/lib/ingest/ingest-body";
import { parseSource } from "@/lib/ingest/parse-source";
import { serveRequests } from "@/lib/threads/serve";
import { storeArticle } from "../ingest-article";
import type { IngestThreadInput, IngestThreadOutput, RawSource } from "./protocol";

/**
 * The ingest thread: parses what arrived and writes it as Revision 1 with this thread's own database
 * client. A 2 MB text costs the parser and Prisma's query compiler a few hundred milliseconds of CPU;
 * spent here, the thread that answers pages stays free. Announcing the new article to open pages is
 * left to the caller: the live bus belongs to the app's own thread.
 */
serveRequests<IngestThreadInput, IngestThreadOutput>(async (input) => {
  if (input.op === "parse") return { op: "parse", parsed: parse(input.source) };
  if (input.op === "parse-body") {
    const body = readIngestBody(input.bytes);
    return "url" in body ? { op: "parse-body", url: body.url } : { op: "parse-body", parsed: parse(body.source) };
  }
  const parsed = "blocks" in input.source ? input.source : parse(input.source);
  const article = await storeArticle({ db, actor: input.actor, parsed, sourceKind: input.sourceKind, sourceName: input.sourceName });
  return { op: "store", parsed, article };
});

function parse(source: RawSource): ParsedArticle {
  return parseSource(source.text, source.format, source.url);
}
