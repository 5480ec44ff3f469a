import { describe, expect, it } from "vitest";
import { oneLine } from "./one-line";

describe("oneLine", () => {
  it("drops the paragraph break a whole-block change carries at its edges", () => {
    expect(oneLine("\n\nGustavo Petro and Donald Trump at The White House")).toBe("Gustavo Petro and Donald Trump at The White House");
    expect(oneLine("Caption text\r\n")).toBe("Caption text");
  });

  it("shows a break inside the change as ¶, and a change that is only a break as ¶", () => {
    expect(oneLine("ended.\n\nThe next")).toBe("ended. ¶ The next");
    expect(oneLine("\n\n")).toBe("¶");
  });

  it("leaves text without breaks alone, spaces included", () => {
    expect(oneLine("  ")).toBe("  ");
    expect(oneLine("thecapture")).toBe("thecapture");
  });
});
