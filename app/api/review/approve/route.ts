import { z } from "zod";
import { apiRoute, readJsonBody } from "@/app/api/_lib/api-route";
import { db } from "@/lib/db";
import { approveChanges } from "@/lib/review/decide-change";
import { parseInput } from "@/lib/validation";

const bodySchema = z.object({
  articleId: z.string().min(1),
  decisions: z.array(z.object({ id: z.string().min(1), version: z.number().int().min(1) })).min(1).max(500),
});

/**
 * POST /api/review/approve — approve (and apply) changes, for scripts and the CMS. The same use case
 * as the review page's button, so the same rules: reviewer role, never one's own change, version guard.
 */
export const POST = apiRoute(async ({ req, actor }) => approveChanges({ db, actor, ...parseInput(bodySchema, await readJsonBody(req)) }));
