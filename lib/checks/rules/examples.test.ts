import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";
import { RULES } from ".";

describe("every rule does what its documented examples say", () => {
  for (const rule of RULES) {
    it(`${rule.id}: has a description and examples`, () => {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.examples.length).toBeGreaterThan(0);
    });
    for (const example of rule.examples) {
      it(`${rule.id}: ${JSON.stringify(example.exact)}`, () => {
        const findings = rule.run(contextFor(example.text));
        const hit = findings.find((f) => f.exact === example.exact);
        expect(hit, JSON.stringify(findings.map((f) => f.exact))).toBeDefined();
        expect(hit!.replacement).toBe(example.replacement);
        expect(hit!.category).toBe(rule.category);
        expect(hit!.rule).toBe(rule.id);
        expect(hit!.confidence).toBeGreaterThan(0);
        expect(hit!.confidence).toBeLessThanOrEqual(1);
      });
    }
  }
});
