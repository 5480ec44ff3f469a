/**
 * The inputs that froze the server in issue 8, rebuilt by shape (not copied from any real text):
 * one very long "word", thousands of quotation marks, a text of nearly 2 MB mixing both, and HTML
 * nested thousands of levels deep. Shared by the load test (e2e) and the hostile-load benchmark.
 */
export function longWord(bytes: number): string {
  const syllables = ["the", "cap", "ture", "of", "and", "ment", "ing", "re", "port", "ed"];
  let w = "";
  for (let i = 0; w.length < bytes; i++) w += syllables[(i * 7) % syllables.length];
  return `Headline about a long word\n\n${w.slice(0, bytes)}`;
}

export function manyQuotes(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(i % 3 === 0 ? `“word ${i}”` : i % 3 === 1 ? `"said ${i}` : `‘q’ ”`);
  return `Headline about quotes\n\n${parts.join(" ")}`;
}

export function mixedMegabytes(bytes: number): string {
  const paragraphs: string[] = ["Headline about everything at once"];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = i % 2 === 0 ? longWord(4_000).split("\n\n")[1] : manyQuotes(400).split("\n\n")[1];
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, bytes);
}

export function deepHtml(levels: number): string {
  return `<html><body><h1>Deep</h1>${"<div>".repeat(levels)}text${"</div>".repeat(levels)}</body></html>`;
}
