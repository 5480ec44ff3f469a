import type { Actor } from "@/lib/auth/roles";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import type { SourceFormat } from "@/lib/ingest/decode-source";
import type { SourceKind } from "../ingest-article";

/** Text as it arrived, before parsing (HTML, Markdown or plain text). */
export interface RawSource {
  text: string;
  format: SourceFormat;
  /** the page's address, for resolving its relative links */
  url?: string;
}

export type IngestThreadInput =
  /** parse only (the preview): the editor sees the blocks before anything is stored */
  | { op: "parse"; source: RawSource }
  /** a REST API ingest body as it arrived: decoded, validated and, unless it names a URL, parsed */
  | { op: "parse-body"; bytes: Uint8Array }
  /** store an article as Revision 1: parsed here from `source`, or as the editor previewed it */
  | { op: "store"; actor: Actor; source: RawSource | ParsedArticle; sourceKind: SourceKind; sourceName: string | null };

export type IngestThreadOutput =
  | { op: "parse"; parsed: ParsedArticle }
  | { op: "parse-body"; url: string }
  | { op: "parse-body"; parsed: ParsedArticle }
  | { op: "store"; parsed: ParsedArticle; article: { id: string; title: string; revisionId: string } };
