/**
 * The one place ingest limits live: the form, the server actions, the REST API and the CLI all read
 * them from here.
 */

/** The most an article source may weigh, in UTF-8 bytes: 2 MB (a 20,000-word story is ~130 KB). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Blocks in one article (a long story has a few hundred). */
export const MAX_BLOCKS = 20_000;
/**
 * The server actions' body limit (next.config.js `serverActions.bodySizeLimit`, kept equal by a
 * test). Saving sends the previewed text back: up to 2 MB, which JSON escaping can double, plus
 * 20,000 block offsets. Anything the form sends within the limits above fits, so an over-limit
 * source gets our clear message instead of Next's generic error page.
 */
export const MAX_ACTION_BODY_BYTES = 6 * 1024 * 1024;
/** How long the server waits for a URL to answer, in ms. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed (each hop re-checked against the address rules). */
export const MAX_REDIRECTS = 3;
/**
 * HTML tree bounds, checked before jsdom builds the tree (lib/ingest/measure-html.ts). Article
 * pages nest 15–60 levels and hold a few thousand elements. jsdom walks every ancestor on each
 * insertion (it overflowed the stack near 10,000 levels), so its time follows the sum of all
 * elements' depths: 10 million took 12 s; the cap keeps a refused-or-read answer within ~3 s.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 60_000;
export const MAX_HTML_DEPTH_SUM = 3_000_000;
/**
 * Readability's time grows with the element count and with the sum of squared depths (it rescans
 * subtrees at every level): 10,000 elements under a 100-level chain took over a minute, 37,000 flat
 * paragraphs 5 s. Past these a page is read without it — every text block kept, none of its
 * boilerplate removal (the editor marks leftovers as junk). A typical article page (3,000
 * elements, depth ~20) is far below both.
 */
export const READABILITY_MAX_ELEMENTS = 10_000;
export const READABILITY_MAX_DEPTH_SQUARE_SUM = 4_000_000;
