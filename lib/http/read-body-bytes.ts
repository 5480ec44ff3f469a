import { AppError } from "@/lib/errors";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";

/** What a web Request or Response (the platform's or undici's) offers for reading its body. */
interface BodyMessage {
  headers: { get(name: string): string | null };
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
}

/**
 * A request's or response's body as bytes, refused with `tooLarge()` past `limit` bytes: the declared
 * length first, then, for a body sent without one (chunked), counted as it arrives and refused at the
 * first chunk past the limit, so no peer can make the server buffer more than the limit.
 */
export async function readCapped(message: BodyMessage, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (Number(message.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!message.body) return new Uint8Array(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** A request body within the source size limit (with room for the JSON around it): 413 when larger. */
export function readBodyBytes(req: Request): Promise<Uint8Array> {
  return readCapped(req, MAX_SOURCE_BYTES + 64 * 1024, () => new AppError("too_large", `The request body is over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit.`));
}
