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

  it("keeps a hyphenated surname whole, drops a weekday after a name, and takes no institution for a person", () => {
    const text = [
      "Ferry fares",
      "Councilwoman Ada Ferreira-Lund spoke to the Harbor Gazette on Monday, a day after Tobias Wennerholm Thursday wrote to her.",
      "Ferreira-Lund said the Harbor Gazette got it right. Pro-Wennerholm riders disagreed.",
    ].join("\n\n");
    const { names } = contextFor(text);
    expect(names.fullName("Lund")).toBe("Ada Ferreira-Lund");
    expect(names.fullName("Wennerholm")).toBe("Tobias Wennerholm");
    expect(names.fullName("Thursday")).toBeNull();
    expect(names.fullName("Gazette")).toBeNull();
    expect(names.lastPersonBefore(text.indexOf("Pro-"))).toBe("Ada Ferreira-Lund");
  });

  it("takes a surname used alone as a name only when no dictionary knows the word", () => {
    const { names } = contextFor("Ferry fares\n\nWennerholm spoke first. Critics spoke next. Wennerholm then left, and Critics stayed.");
    expect(names.person("Wennerholm")).toBe("Wennerholm");
    expect(names.person("Critics")).toBeNull();
  });
});
