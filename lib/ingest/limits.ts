/** The most an article source may weigh: 2 MB (a 20,000-word story is ~130 KB; this is generous). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** How long the server waits for a URL to answer, in ms. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed (each hop re-checked against the address rules). */
export const MAX_REDIRECTS = 3;
