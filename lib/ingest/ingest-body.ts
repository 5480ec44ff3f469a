import { z } from "zod";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { parseInput } from "@/lib/validation";
import type { SourceFormat } from "./decode-source";
import { MAX_SOURCE_BYTES } from "./limits";

const ingestBodySchema = z
  .object({
    text: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    html: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    markdown: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    url: z.url("Give a full http(s) URL.").optional(),
  })
  .refine((b) => [b.text, b.html, b.markdown, b.url].filter((v) => v !== undefined).length === 1, {
    path: ["text"],
    message: "Send exactly one of text, html, markdown or url.",
  });

/** What a `POST /api/articles` body asks for: a page to fetch, or text in a given format to parse. */
export type IngestBody = { url: string } | { source: { text: string; format: SourceFormat } };

/**
 * The REST API's ingest body, as the bytes that arrived → what it asks for. Decoding, JSON parsing,
 * the surrogate scan and validation cost ~30 ms of CPU for a 1.5 MB body, so the app runs this on
 * the ingest thread (issue 8: other people's pages answer meanwhile). Not JSON or not text: 400;
 * a field over its limit or not exactly one source: 400 naming the field.
 */
export function readIngestBody(bytes: Uint8Array): IngestBody {
  const body = parseInput(ingestBodySchema, parseJsonBody(new TextDecoder().decode(bytes)));
  if (body.url !== undefined) return { url: body.url };
  if (body.html !== undefined) return { source: { text: body.html, format: "html" } };
  if (body.markdown !== undefined) return { source: { text: body.markdown, format: "markdown" } };
  return { source: { text: body.text!, format: "text" } };
}
