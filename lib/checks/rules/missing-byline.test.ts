import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { missingByline } from "./missing-byline";

describe("missing-byline", () => {
  it("is quiet when the article has a byline", () => {
    expect(marked(missingByline, "Harbor Gazette harborgazette.com\n\nBridge reopens in March\n\nBy Marta Quiroga\n\nThe bridge reopens in March, engineers said.")).toEqual([]);
  });

  it("is quiet on plain copy from a CMS or wire: headline and paragraphs, the author kept as metadata", () => {
    expect(marked(missingByline, "Bridge reopens in March\n\nThe bridge reopens in March, city engineers said.\n\nTraffic will return to both lanes.")).toEqual([]);
  });

  it("asks for the byline a scraped page lost: outlet line, photo caption or page residue but no author", () => {
    expect(marked(missingByline, "Harbor Gazette harborgazette.com\n\nBridge reopens in March\n\nThe bridge reopens in March, city engineers said.")).toEqual(["Bridge reopens in March"]);
    expect(marked(missingByline, "Bridge reopens in March\n\nThe bridge reopens in March, city engineers said.\n\nShare this article")).toEqual(["Bridge reopens in March"]);
  });
});
