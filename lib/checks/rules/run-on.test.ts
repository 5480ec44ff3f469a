import { describe, expect, it } from "vitest";
import { contextFor, marked } from "../testing";
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

  it("finds a new subject and its verb run on after an object pronoun or after \"did\"", () => {
    const text = '"I never saw her I wasn\'t there, and they did they tried," the clerk said.';
    expect(runOn.run(contextFor(text)).map((f) => [f.exact, f.replacement])).toEqual([
      ["her I", "her. I"],
      ["did they", "did. They"],
    ]);
  });

  it("leaves a clause that a verb takes after its object, a preposition's object, and questions", () => {
    const text = [
      "I told him I was leaving, and she promised them they would get paid.",
      "It seems to me they have a case. Why did they leave? So did we.",
    ].join("\n\n");
    expect(marked(runOn, text)).toEqual([]);
  });
});
