import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from "parse5";
import { AppError } from "@/lib/errors";
import { MAX_HTML_DEPTH, MAX_HTML_DEPTH_SUM, MAX_HTML_ELEMENTS } from "./limits";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

export interface HtmlShape {
  elements: number;
  /** the sum of every element's depth: what jsdom's ancestor walks cost */
  depthSum: number;
  /** the sum of the squares: what Readability's walks cost (it rescans subtrees at every level) */
  depthSquareSum: number;
}

/**
 * Measure an HTML tree before jsdom builds it, and refuse one that is too deep or too big. jsdom
 * walks every ancestor on each insertion and recurses (a stack overflow near 10,000 levels;
 * 50,000 levels took 45 s), and Readability slows down with depth. This runs parse5 — the tree
 * builder jsdom itself uses, so depth is what jsdom would build, implied end tags, misnested
 * formatting and <template> contents included — with light nodes, and stops at the first node
 * past a limit, so its own cost stays within the depth-sum limit.
 */
export function measureHtml(html: string): HtmlShape {
  let elements = 0;
  let depthSum = 0;
  let depthSquareSum = 0;
  // a <template>'s content hangs off a separate fragment; count through it to the template
  const hostOf = new WeakMap<ParentNode, ParentNode>();
  const up = (node: ParentNode): ParentNode | null => ("parentNode" in node ? node.parentNode : (hostOf.get(node) ?? null));
  const insert = (parent: ParentNode, child: ChildNode) => {
    if (!("tagName" in child)) return;
    let depth = 1;
    for (let node: ParentNode | null = parent; node; node = up(node)) {
      if (++depth > MAX_HTML_DEPTH) {
        throw new AppError("bad_input", `The HTML is nested too deeply (more than ${MAX_HTML_DEPTH} levels); it does not look like an article page.`);
      }
    }
    depthSum += depth;
    depthSquareSum += depth * depth;
    if (depthSum > MAX_HTML_DEPTH_SUM) {
      throw new AppError("too_large", "The HTML is too large and deeply nested to read; it does not look like an article page.");
    }
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++elements > MAX_HTML_ELEMENTS) {
        throw new AppError("too_large", `The HTML has more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements; it does not look like an article page.`);
      }
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    appendChild(parent, child) {
      insert(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      insert(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    setTemplateContent(template, content) {
      hostOf.set(content, template);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
  };
  parse(html, { treeAdapter: adapter });
  return { elements, depthSum, depthSquareSum };
}
