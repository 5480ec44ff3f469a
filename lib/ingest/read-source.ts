import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ParsedArticle } from "./blocks";
import { decodeSource, detectFormat, type SourceFormat } from "./decode-source";
import { fetchUrl } from "./fetch-url";
import { MAX_SOURCE_BYTES } from "./limits";

export const sourceRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paste"), text: z.string().max(MAX_SOURCE_BYTES, "The text is over the 2 MB limit.") }),
  z.object({ kind: z.literal("file"), name: z.string().max(300), bytes: z.instanceof(Uint8Array) }),
  z.object({ kind: z.literal("url"), url: z.string().trim().min(1, "Enter a URL.").max(2048) }),
]);
export type SourceRequest = z.infer<typeof sourceRequestSchema>;

/**
 * What arrived, decoded but not yet parsed: parsing (jsdom, Readability) is left to the ingest thread,
 * and this module must not import the parsers, or the first upload loads jsdom on the thread that
 * serves pages (~1 s of module loading on a busy machine).
 */
export interface RawSourceResult {
  source: { text: string; format: SourceFormat; url?: string };
  sourceKind: "paste" | "file" | "url";
  sourceName: string | null;
}

export interface ReadSourceResult {
  parsed: ParsedArticle;
  sourceKind: "paste" | "file" | "url";
  sourceName: string | null;
}

/** Any way an article arrives (pasted text, an uploaded file, a URL) → its decoded text and format. */
export async function readRawSource(request: SourceRequest, options: { allowPrivateUrls: boolean }): Promise<RawSourceResult> {
  switch (request.kind) {
    case "paste":
      return { source: { text: request.text, format: detectFormat(undefined, request.text) }, sourceKind: "paste", sourceName: null };
    case "file": {
      const ext = request.name.toLowerCase().split(".").pop();
      if (!["txt", "md", "markdown", "html", "htm"].includes(ext ?? "")) {
        throw new AppError("unsupported_type", `${request.name} is not a .txt, .md or .html file.`, { file: "Choose a .txt, .md or .html file." });
      }
      const text = decodeSource(request.bytes, request.name);
      return { source: { text, format: detectFormat(request.name, text) }, sourceKind: "file", sourceName: request.name };
    }
    case "url": {
      const page = await fetchUrl(request.url, { allowPrivate: options.allowPrivateUrls });
      const text = decodeSource(page.bytes, "The page");
      const format = /html|xml/i.test(page.contentType) ? "html" : detectFormat(new URL(page.url).pathname, text);
      return { source: { text, format, url: page.url }, sourceKind: "url", sourceName: page.url };
    }
  }
}
