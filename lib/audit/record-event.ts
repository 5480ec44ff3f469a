import type { Tx } from "@/lib/db";

export type AuditAction =
  | "ingest"
  | "change_block_kind"
  | "annotate"
  | "edit_annotation"
  | "delete_annotation"
  | "check"
  | "accept_suggestion"
  | "dismiss_suggestion"
  | "waive_finding"
  | "undo_dismissal"
  | "add_dictionary_word"
  | "remove_dictionary_word"
  | "submit"
  | "approve"
  | "reject"
  | "request_changes"
  | "resolve_note"
  | "apply"
  | "article_approve"
  | "comment"
  | "export"
  | "import"
  | "create_api_token"
  | "revoke_api_token"
  // house style and rule precision (decision 026)
  | "house_rule_save"
  | "house_rule_publish"
  | "house_rule_revert"
  | "house_rule_backtest"
  | "house_rule_import"
  | "house_rule_export"
  | "house_rule_disable"
  | "rule_demote"
  | "rule_restore";

export interface RecordEventOptions {
  articleId: string | null;
  actorId: string | null;
  action: AuditAction;
  entityType: "article" | "revision" | "annotation" | "dictionary_word" | "api_token" | "house_rule" | "rule";
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
