import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { missingCredit } from "./missing-credit";

describe("missing-credit", () => {
  it("is quiet when the caption carries a credit, even if a copy of it does not", () => {
    const text = "Bridge reopens\n\nCrews lift a steel section at dawn\n\nCrews lift a steel section at dawnReuters\n\nBy Marta Quiroga\n\nThe bridge reopens.";
    expect(marked(missingCredit, text)).toEqual([]);
  });
});
