/**
 * Whom a mark is credited to where people read it (cards, history, change reports). A machine
 * finding's author field names whoever the checks ran for (the article's ingester), so that person
 * cannot also decide it (four-eyes, decision 012); they did not write it, so it is not credited to them.
 */
export function creditedTo(a: { source: string; authorName: string }): string {
  return a.source.startsWith("check:") ? `machine suggestion (${a.source.slice("check:".length)})` : a.authorName;
}
