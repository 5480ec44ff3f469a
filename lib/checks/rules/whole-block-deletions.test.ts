import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parse-text";
import { applyChanges } from "@/lib/revisions/apply-changes";
import { runChecks } from "../run-checks";

/**
 * Every suggestion of an article applied at once, through the code that applies an editor's "Accept all"
 * and a reviewer's bulk approval: overlapping suggestions are refused there, so here too.
 */
function acceptAll(raw: string, rules = ["page-junk", "duplicate-block"]) {
  const parsed = parseText(raw);
  const found = runChecks(parsed).findings.filter((f) => rules.includes(f.rule) && f.replacement !== null);
  const result = applyChanges(
    parsed.text,
    parsed.blocks,
    found.map((f, i) => ({ id: `${f.rule}#${i}`, start: f.start, end: f.end, replacement: f.replacement! })),
  );
  return { parsed, found, result };
}

const HEAD = "Harbor ferry resumes\n\nThe harbor ferry crossed again on Monday after a week of repairs.\n\nRiders said the new deck felt steadier.";
const BODY = "The harbor ferry crossed again on Monday after a week of repairs.\n\nRiders said the new deck felt steadier.";

describe("whole-block deletions (page junk, duplicate blocks)", () => {
  it("two junk blocks at the end: no overlap, and the story ends cleanly", () => {
    const { parsed, found, result } = acceptAll(`${HEAD}\n\nShare this article\n\nAdvertisement`);
    expect(parsed.blocks.filter((b) => b.kind === "junk")).toHaveLength(2);
    expect(found).toHaveLength(2);
    expect(result.ok && result.text).toBe(HEAD);
  });

  it("three junk blocks at the end, and junk between paragraphs", () => {
    const raw = `Harbor ferry resumes\n\nThe harbor ferry crossed again on Monday after a week of repairs.\n\nAdvertisement\n\nRiders said the new deck felt steadier.\n\nShare this article\n\nAdvertisement\n\nRead more`;
    const { found, result } = acceptAll(raw);
    expect(found).toHaveLength(4);
    expect(result.ok && result.text).toBe(HEAD);
  });

  it("junk at the very start, two blocks of it", () => {
    const { found, result } = acceptAll(`Skip to content\n\nMenu\n\n${HEAD}`);
    expect(found).toHaveLength(2);
    expect(result.ok && result.text).toBe(HEAD);
  });

  it("a duplicate paragraph next to junk, at the end and in the middle", () => {
    const last = "Riders said the new deck felt steadier.";
    const end = acceptAll(`${HEAD}\n\n${last}\n\nAdvertisement`);
    expect(end.found.map((f) => f.rule).sort()).toEqual(["duplicate-block", "page-junk"]);
    expect(end.result.ok && end.result.text).toBe(HEAD);

    const middle = acceptAll(`Harbor ferry resumes\n\n${BODY}\n\n${last}\n\nAdvertisement\n\nThe next crossing is at noon.`);
    expect(middle.found).toHaveLength(2);
    expect(middle.result.ok && middle.result.text).toBe(`${HEAD}\n\nThe next crossing is at noon.`);
  });

  it("each deletion alone also leaves one blank line between the blocks around it", () => {
    const raw = `${HEAD}\n\nShare this article\n\nAdvertisement`;
    const { parsed, found } = acceptAll(raw);
    for (const f of found) {
      const alone = parsed.text.slice(0, f.start) + f.replacement + parsed.text.slice(f.end);
      expect(alone).not.toMatch(/\n\n\n|^\s|\s$/);
      expect(alone.split("\n\n")).toHaveLength(4);
    }
  });

  it("no ranges overlap, whatever the order of junk and copies", () => {
    const pieces = ["Advertisement", "Share this article", "Riders said the new deck felt steadier."];
    for (const a of pieces) for (const b of pieces) {
      const { result } = acceptAll(`${HEAD}\n\n${a}\n\n${b}`);
      expect(result.ok, `${a} / ${b}`).toBe(true);
      expect(result.ok && result.text, `${a} / ${b}`).toBe(HEAD);
    }
  });
});
