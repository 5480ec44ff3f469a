/**
 * Whom a mark is credited to where people read it (cards, history, change reports). A machine
 * finding's author field names whoever the checks ran for (the article's ingester), so that person
 * cannot also decide it (four-eyes, decision 012); they did not write it, so it is not credited to
 * them. Once an editor accepts a finding it is their proposal (acceptSuggestion makes them its author
 * and last writer, and they may have rewritten it), and it is credited to them.
 */
export function creditedTo(a: { source: string; authorName: string; lastEditedById: string | null }): string {
  return a.source.startsWith("check:") && a.lastEditedById === null ? `machine suggestion (${a.source.slice("check:".length)})` : a.authorName;
}
