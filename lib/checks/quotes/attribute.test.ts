import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";

function speakers(text: string) {
  return contextFor(text).attributions.map((a) => [a.quote.block ? text.slice(a.quote.innerStart, a.quote.innerEnd) : "", a.speaker]);
}

describe("attributeQuotes", () => {
  it("finds the speaker after the quote, by name, title or pronoun", () => {
    const text = [
      "Vote ends",
      'Mayor Ruth Okafor visited with the chief engineer, Daniel Brandt. "We are ahead," Brandt said.',
      '"It was hard," said board chair Elena Ruiz. One mother, Grace Lindqvist, was there. "He is nine," she said. "Nine years old."',
    ].join("\n\n");
    expect(speakers(text)).toEqual([
      ["We are ahead,", "Daniel Brandt"],
      ["It was hard,", "Elena Ruiz"],
      ["He is nine,", "Grace Lindqvist"],
      ["Nine years old.", "Grace Lindqvist"],
    ]);
  });

  it("finds the subject of the speech verb before the quote, not its object", () => {
    const text = [
      "Talks",
      'Gustavo Petro met Donald Trump. At the end of 2025, Trump called Petro a "leader of drug trafficking".',
      'Petro, in turn, criticized Trump over Maduro, calling it a "kidnapping".',
      'In later remarks, Trump referred to the meeting with Petro: "We got along."',
    ].join("\n\n");
    expect(speakers(text).map(([, s]) => s)).toEqual(["Donald Trump", "Gustavo Petro", "Donald Trump"]);
  });

  it("names nobody for a vague passive source, and falls back to an office", () => {
    const text = 'Talks\n\nThe meeting, described as "cordial" by the parties, ended. The governor said the state would "do whatever it takes".';
    const [cordial, governor] = contextFor(text).attributions;
    expect(cordial.speaker).toBeNull();
    expect(cordial.vague?.source).toBe("the parties");
    expect(governor.speaker).toBe("The governor");
  });

  it("gives a headline quote the speaker of the body quote it paraphrases", () => {
    const text = '"We get along very well": leaders meet\n\nPresident Donald Trump spoke. Trump said: "We got along very well, and we are working."';
    expect(speakers(text)[0]).toEqual(["We get along very well", "Donald Trump"]);
  });
});
