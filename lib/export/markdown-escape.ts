const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * User text as one line of inert Markdown (a table cell, a heading): every character that could
 * start markup — emphasis, code, links and images, autolinks (the ":" and "." of "https://",
 * "www."), raw HTML, a table's "|" — is backslash-escaped or, for "<", ">" and "&", written as an
 * entity, so no renderer builds a tag, a link or a cell boundary from it. Line breaks would end
 * the table row; they become a visible "⏎".
 */
export function escapeMarkdownLine(s: string): string {
  return s
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ⏎ ")
    .replace(/[\\`*_{}[\]()#+\-.!|~:^$=]/g, "\\$&")
    .replace(/[&<>]/g, (c) => ENTITIES[c]);
}
