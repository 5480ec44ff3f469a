import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { missingByline } from "./missing-byline";

describe("missing-byline", () => {
  it("is quiet when the article has a byline", () => {
    expect(marked(missingByline, "Bridge reopens in March\n\nBy Marta Quiroga\n\nThe bridge reopens in March, engineers said.")).toEqual([]);
  });
});
