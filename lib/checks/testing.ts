import { parseText } from "@/lib/ingest/parse-text";
import { CheckContext } from "./context";
import type { Rule } from "./types";

/** A small article in plain text → the context a rule sees; for unit tests. */
export function contextFor(text: string, extraWords?: string[]): CheckContext {
  return new CheckContext({ ...parseText(text), extraWords });
}

/** What `rule` marks in `text`, as the marked strings. */
export function marked(rule: Rule, text: string, extraWords?: string[]): string[] {
  return rule.run(contextFor(text, extraWords)).map((f) => f.exact);
}
