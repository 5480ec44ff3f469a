import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { ingestApiBody } from "./ingest-api-body";

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe("ingestApiBody", () => {
  it.each(["reviewer", "style_editor"] as const)("refuses a %s before anything is read or sent to the thread", async (role) => {
    const actor = { id: "u1", name: "Someone", email: "someone@example.test", role } as Actor;
    await expect(ingestApiBody({ actor, bytes: bytes({ text: "Headline\n\nBody." }) })).rejects.toMatchObject({ code: "forbidden" });
  });
});
