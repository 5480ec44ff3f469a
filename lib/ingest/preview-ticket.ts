import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

/** What a preview vouches for: the text the server produced and where it came from. */
export interface PreviewClaims {
  actorId: string;
  text: string;
  sourceKind: "paste" | "file" | "url";
  sourceName: string | null;
}

const LIFETIME_MS = 12 * 60 * 60 * 1000;
// Without a configured secret, tickets are good for this process's life: a restart means "preview again".
const PROCESS_KEY = randomBytes(32);

/**
 * The preview round-trips through the browser before it is saved. The ticket is an HMAC over the
 * previewed text and its source, so a save can only store text the server itself read and
 * normalised, under the source name (a URL it really fetched) it really came from. Block kinds and
 * boundaries stay the editor's to change; validateParsed checks those.
 */
export function signPreview(claims: PreviewClaims, secret?: string, now = Date.now()): string {
  const expires = now + LIFETIME_MS;
  return `${expires}.${mac(claims, expires, secret)}`;
}

export function verifyPreview(ticket: string, claims: PreviewClaims, secret?: string, now = Date.now()): void {
  const [expiresText, given] = ticket.split(".");
  const expires = Number(expiresText);
  const expected = Number.isSafeInteger(expires) ? mac(claims, expires, secret) : "";
  const ok = given !== undefined && expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok || expires < now) {
    throw new AppError("bad_input", "This preview has expired or no longer matches its source; preview the article again.");
  }
}

function mac(claims: PreviewClaims, expires: number, secret?: string): string {
  const textHash = createHash("sha256").update(claims.text).digest("base64url");
  return createHmac("sha256", secret ? `copydesk-preview:${secret}` : PROCESS_KEY)
    .update(JSON.stringify(["preview-v1", claims.actorId, expires, claims.sourceKind, claims.sourceName, textHash]))
    .digest("base64url");
}
