import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { runOn } from "./run-on";

describe("run-on", () => {
  it("finds sentences run together inside a quotation", () => {
    const text = '"We are ahead of where we thought we would be We still have tests to finish," Brandt said.';
    expect(marked(runOn, text)).toEqual(["be We"]);
  });

  it("leaves names, titles and sentence starts alone", () => {
    const text = [
      "He and I talked. She left at noon, and It was over.",
      'They met at The White House and read "The Art of the Deal" with No. 10 staff.',
      "We spoke; He replied.",
    ].join("\n\n");
    expect(marked(runOn, text)).toEqual(["and It"]);
  });

  it("ignores headlines in Title Case", () => {
    expect(marked(runOn, "Mayor Says We Will Rebuild The Bridge\n\nThe mayor spoke.")).toEqual([]);
  });
});
