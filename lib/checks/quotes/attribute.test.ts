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

  it("reads a name, its appositive and the verb after the quote", () => {
    const text = [
      "Ferry fares",
      'Harbor commissioner Tobias Wennerholm spoke first. "The fares stay," Wennerholm, who chairs the board, said on Monday.',
      '"We will see," Councilwoman Ada Ferreira-Lund, after a long pause, told reporters.',
      '"It is a good plan," said port director Imogen Vasquez-Hartley, a former pilot.',
    ].join("\n\n");
    expect(speakers(text).map(([, s]) => s)).toEqual(["Tobias Wennerholm", "Ada Ferreira-Lund", "Imogen Vasquez-Hartley"]);
  });

  it("takes a short attribution sentence after a quote that ends in a full stop or a question mark", () => {
    const text = [
      "Ferry fares",
      'Port director Imogen Vasquez spoke at the dock. "Who pays for this?" Vasquez asked. "Not the riders." Vasquez said.',
      'Critics met later. "The dock is old." Critics said the repairs would take a year and cost more than planned.',
    ].join("\n\n");
    expect(speakers(text)).toEqual([
      ["Who pays for this?", "Imogen Vasquez"],
      ["Not the riders.", "Imogen Vasquez"],
      ["The dock is old.", null],
    ]);
  });

  it("reads 'according to', a closing attribution clause and a quote that runs on into the next paragraph", () => {
    const text = [
      "Ferry fares",
      'According to port director Imogen Vasquez, "the fares will rise in May."',
      'The board called the plan a "bold but overdue step toward fixing the dock" in a letter, Councilwoman Ada Ferreira said.',
      '"We waited ten years for this," said Tobias Wennerholm, the board chairman.',
      '"Now the work starts."',
      "Wennerholm then read a statement from the mayor:",
      '"The city stands behind the board."',
    ].join("\n\n");
    expect(speakers(text).map(([, s]) => s)).toEqual(["Imogen Vasquez", "Ada Ferreira", "Tobias Wennerholm", "Tobias Wennerholm", "Tobias Wennerholm"]);
  });

  it("gives the subject of the verb a participle follows, and the last word of a long name", () => {
    const text = [
      "Ferry fares",
      'The fares rose twice, Tobias Wennerholm said, adding, "Riders deserve better."',
      'Harbor Board Chair Imogen Vasquez met the riders with a "long list of promises and a short list of plans" for the dock.',
    ].join("\n\n");
    expect(speakers(text).map(([, s]) => s)).toEqual(["Tobias Wennerholm", "Imogen Vasquez"]);
  });

  it("names no one from a clause, a weekday or an institution", () => {
    const text = [
      "Ferry fares",
      '"We will see what the board does next," when asked about fares, was all anyone offered.',
      'The Harbor Gazette reported the vote on Tuesday. "The board has no plan for the dock," it said.',
      '"The fares will rise," said Tobias Wennerholm Thursday.',
      'The new board chair was asked, "Will the fares rise again in May?"',
    ].join("\n\n");
    const [see, gazette, fares, asked] = contextFor(text).attributions;
    expect(see.speaker).toBeNull();
    expect(gazette.speaker).toBe("it");
    expect(fares.speaker).toBe("Tobias Wennerholm");
    expect(asked.speaker).toBeNull();
  });

  it("reads the verb after a quotation that ends with a quotation of its own", () => {
    const text = "Ferry fares\n\nTobias Wennerholm waved. “Riders go by and I just say, ‘Thank you for riding,’” Wennerholm explained.";
    expect(speakers(text)[0][1]).toBe("Tobias Wennerholm");
  });
});
