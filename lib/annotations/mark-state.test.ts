import { describe, expect, it } from "vitest";
import { ANNOTATION_STATUSES } from "@/lib/annotations/categories";
import { markState, stateLabel } from "./mark-state";

describe("markState", () => {
  it("sorts every status into open, handled or applied", () => {
    expect(Object.fromEntries(ANNOTATION_STATUSES.map((s) => [s, markState(s)]))).toEqual({
      suggested: "open", proposed: "open", needs_work: "open", orphaned: "open",
      approved: "handled", rejected: "handled", resolved: "handled", waived: "handled", dismissed: "handled",
      applied: "applied",
    });
  });
  it("names the state in words for the accessible name", () => {
    expect(stateLabel("proposed")).toBe("open");
    expect(stateLabel("needs_work")).toBe("open (needs work)");
    expect(stateLabel("rejected")).toBe("handled (rejected)");
    expect(stateLabel("applied")).toBe("applied");
  });
});
