"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/app/_auth/run-action";
import { assertCan } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError, type ActionResult } from "@/lib/errors";
import { ingestOffThread, oneUploadAtATime, parseOffThread } from "@/lib/articles/ingest-off-thread";
import { signPreview, verifyPreview } from "@/lib/ingest/preview-ticket";
import { readRawSource, sourceRequestSchema, type ReadSourceResult } from "@/lib/ingest/read-source";
import { validateParsed } from "@/lib/ingest/validate-parsed";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

export type PreviewResult = ReadSourceResult & { ticket: string };

/** Parse what the editor gave us and show the blocks before anything is stored. */
export async function previewArticle(form: FormData): Promise<ActionResult<PreviewResult>> {
  return runAction(async (actor) => {
    assertCan(actor, "article:ingest");
    const kind = form.get("kind");
    const file = form.get("file");
    const raw =
      kind === "file"
        ? file instanceof File && file.size > 0
          ? { kind, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
          : null
        : { kind, text: form.get("text") ?? "", url: form.get("url") ?? "" };
    if (!raw) throw new AppError("bad_input", "Choose a file to upload.", { file: "Choose a .txt, .md or .html file." });
    const { source, sourceKind, sourceName } = await readRawSource(parseInput(sourceRequestSchema, raw, "Check the highlighted field."), { allowPrivateUrls: env.ALLOW_PRIVATE_URLS });
    const parsed = await parseOffThread(source);
    const ticket = signPreview({ actorId: actor.id, text: parsed.text, sourceKind, sourceName }, env.BETTER_AUTH_SECRET);
    return { parsed, sourceKind, sourceName, ticket };
  });
}

const saveSchema = z.object({
  parsed: z.unknown(),
  sourceKind: z.enum(["paste", "file", "url"]),
  sourceName: z.string().max(2048).nullable(),
  ticket: z.string().max(200),
});

/** Store the previewed article (with any block kinds the editor changed) as Revision 1. */
export async function saveArticle(input: z.infer<typeof saveSchema>): Promise<ActionResult<never>> {
  const result = await runAction(async (actor) => {
    const data = parseInput(saveSchema, input, "The preview was malformed; preview it again.");
    const parsed = validateParsed(data.parsed);
    // only text this server read, from the source it read it from (a URL it really fetched)
    verifyPreview(data.ticket, { actorId: actor.id, text: parsed.text, sourceKind: data.sourceKind, sourceName: data.sourceName }, env.BETTER_AUTH_SECRET);
    const { article } = await oneUploadAtATime(() => ingestOffThread({ actor, source: parsed, sourceKind: data.sourceKind, sourceName: data.sourceName }));
    return article;
  });
  if (!result.ok) return result;
  redirect(`/articles/${result.data.id}`);
}
