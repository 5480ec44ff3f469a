import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, toHttpStatus, isAppError } from "@/lib/errors";
import { exportRuleSet } from "@/lib/house-rules/export-rule-set";

/** The published house-rule set as a file: GET /rules/export/yaml or /rules/export/json. */
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }) {
  try {
    const { format } = await params;
    if (format !== "yaml" && format !== "json") throw new AppError("not_found", "Export as yaml or json.");
    const actor = await getActor(request.headers);
    if (!actor) throw new AppError("unauthenticated", "Please sign in.");
    const file = await exportRuleSet({ db, actor, format });
    return new Response(file.body, {
      headers: {
        "Content-Type": format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      },
    });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return new Response(e.message, { status: toHttpStatus(e.code), headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
