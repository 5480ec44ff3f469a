import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { conjunctionComma } from "./conjunction-comma";

describe("conjunction-comma", () => {
  it("wants a comma before 'but' joining two clauses", () => {
    expect(marked(conjunctionComma, "We tried hard but we could not win.")).toEqual(["hard but"]);
  });

  it("leaves 'but' meaning 'except' and clauses already punctuated", () => {
    expect(marked(conjunctionComma, "All but we left. Nothing but it mattered. We tried, but we lost.")).toEqual([]);
  });

  it("does not ask for a comma inside 'and yet'", () => {
    expect(marked(conjunctionComma, "The fares rose and yet they still ride.")).toEqual([]);
  });
});
