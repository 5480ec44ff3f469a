import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";

const ARTICLE = [
  "Leaders meet after months of tension",
  "Gustavo Petro and Donald Trump at The White House",
  "President Donald Trump met Secretary of State Marco Rubio and Republican Senator Bernie Moreno in the United States.",
  "Trump's aides waited. Petro spoke first, then he left for New York.",
].join("\n\n");

describe("NameIndex", () => {
  const { names } = contextFor(ARTICLE);

  it("resolves a surname to the full name first given", () => {
    expect(names.fullName("Trump")).toBe("Donald Trump");
    expect(names.fullName("Trump's")).toBe("Donald Trump");
    expect(names.fullName("Petro")).toBe("Gustavo Petro");
    expect(names.fullName("Rubio")).toBe("Marco Rubio");
    expect(names.fullName("Moreno")).toBe("Bernie Moreno");
  });

  it("does not take places or institutions for people", () => {
    expect(names.fullName("House")).toBeNull();
    expect(names.fullName("States")).toBeNull();
    expect(names.fullName("York")).toBeNull();
  });

  it("knows names by use, and the last person named before a point", () => {
    expect(names.isName("Petro")).toBe(true);
    expect(names.isName("Trump's")).toBe(true);
    expect(names.lastPersonBefore(ARTICLE.indexOf("he left"))).toBe("Gustavo Petro");
  });
});
