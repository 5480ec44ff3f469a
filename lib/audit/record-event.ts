import type { Tx } from "@/lib/db";

export type AuditAction =
  | "ingest"
  | "change_block_kind"
  | "annotate"
  | "edit_annotation"
  | "delete_annotation";

export interface RecordEventOptions {
  articleId: string | null;
  actorId: string | null;
  action: AuditAction;
  entityType: "article" | "revision" | "annotation";
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Write one audit event. Always called with the transaction of the change it records. */
export async function recordEvent(tx: Tx, e: RecordEventOptions): Promise<void> {
  await tx.auditEvent.create({
    data: {
      articleId: e.articleId,
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    },
  });
}
