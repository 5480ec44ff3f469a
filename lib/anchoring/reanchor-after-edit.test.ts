import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parse-text";
import { applyChanges, type TextChange } from "@/lib/revisions/apply-changes";
import { quoteSelector } from "./quote-selector";
import { reanchorAfterEdit } from "./reanchor-after-edit";

function setup(raw: string, exact: string, occurrence: number, changes: (text: string) => TextChange[]) {
  const { text, blocks } = parseText(raw);
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(exact, at + 1);
  const anchor = { start: at, end: at + exact.length, ...quoteSelector(text, at, at + exact.length) };
  const result = applyChanges(text, blocks, changes(text));
  if (!result.ok) throw new Error("conflict");
  return { found: reanchorAfterEdit(anchor, text, result.text, result.map), newText: result.text };
}

const paragraphs = [
  "Headline about the harbour",
  "The council met on Monday to discuss the harbour dredging plan and its cost.",
  "Fishermen said the dredging would close the channel for weeks in spring.",
  "The mayor promised a decision before the summer recess, officials said.",
];

describe("reanchorAfterEdit", () => {
  it("follows a mark into a paragraph that moved", () => {
    const raw = paragraphs.join("\n\n");
    const { found, newText } = setup(raw, "close the channel", 1, (text) => {
      const p = text.indexOf(paragraphs[2]);
      return [
        { id: "cut", start: p - 2, end: p + paragraphs[2].length, replacement: "" },
        { id: "paste", start: text.length, end: text.length, replacement: `\n\n${paragraphs[2]}` },
      ];
    });
    expect(found.status).toBe("anchored");
    if (found.status === "anchored") expect(newText.slice(found.start, found.end)).toBe("close the channel");
    if (found.status === "anchored") expect(found.start).toBeGreaterThan(newText.indexOf(paragraphs[3]));
  });

  it("never lands on an identical sentence that was there all along when its own text was deleted", () => {
    const repeated = "The mayor promised a decision before the summer recess, officials said.";
    const raw = [...paragraphs, repeated].join("\n\n");
    // mark the first copy, then delete its paragraph: the second copy is someone else's text
    const { found } = setup(raw, "promised a decision", 1, (text) => {
      const p = text.indexOf(paragraphs[3]);
      return [{ id: "del", start: p - 2, end: p + paragraphs[3].length, replacement: "" }];
    });
    expect(found.status).toBe("orphaned");
  });

  it("orphans rather than guesses when two identical copies both left their places", () => {
    const twin = "Officials said the plan would cost more than expected.";
    const raw = [paragraphs[0], twin, paragraphs[1], twin, paragraphs[2]].join("\n\n");
    const { found } = setup(raw, "cost more than expected", 1, (text) => {
      const first = text.indexOf(twin);
      const second = text.indexOf(twin, first + 1);
      // delete the first twin and move the second to the end: nothing says the moved one is ours
      return [
        { id: "del", start: first - 2, end: first + twin.length, replacement: "" },
        { id: "cut", start: second - 2, end: second + twin.length, replacement: "" },
        { id: "paste", start: text.length, end: text.length, replacement: `\n\n${twin}` },
      ];
    });
    expect(found.status).toBe("orphaned");
  });

  it("follows a word into its moved paragraph, though a near-twin of its sentence was deleted", () => {
    const twin = "The mayor promised a decision before the autumn recess, officials said.";
    const raw = [paragraphs[0], twin, paragraphs[1], paragraphs[2], paragraphs[3]].join("\n\n");
    // the twin is deleted and the last paragraph moves to the top: its "said" went with it
    const { found, newText } = setup(raw, "said", 3, (text) => {
      const t = text.indexOf(twin);
      const last = text.indexOf(paragraphs[3]);
      return [
        { id: "del", start: t - 2, end: t + twin.length, replacement: "" },
        { id: "cut", start: last - 2, end: last + paragraphs[3].length, replacement: "" },
        { id: "paste", start: text.indexOf(paragraphs[1]), end: text.indexOf(paragraphs[1]), replacement: `${paragraphs[3]}\n\n` },
      ];
    });
    expect(newText).toBe([paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2]].join("\n\n"));
    expect(found).toMatchObject({ status: "anchored", start: newText.indexOf("officials said.") + "officials ".length });
  });

  it("does not follow a cut that the new text holds twice", () => {
    const raw = paragraphs.join("\n\n");
    const { found } = setup(raw, "said", 2, (text) => {
      const p3 = text.indexOf(paragraphs[3]);
      return [
        { id: "cut", start: p3 - 2, end: p3 + paragraphs[3].length, replacement: "" },
        { id: "paste", start: 0, end: 0, replacement: `${paragraphs[3]}\n\n${paragraphs[3]}\n\n` },
      ];
    });
    expect(found.status).toBe("orphaned");
  });
});
