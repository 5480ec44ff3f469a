import { AppError } from "@/lib/errors";
import { MAX_SOURCE_BYTES } from "./limits";

export type SourceFormat = "text" | "markdown" | "html";

/**
 * Bytes from an upload or a fetch → a string we are willing to parse.
 * Refuses, with a message an editor can act on: empty, too large, binary, not UTF-8.
 */
export function decodeSource(bytes: Uint8Array, name = "the file"): string {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new AppError("too_large", `${name} is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_SOURCE_BYTES)}.`);
  }
  if (looksBinary(bytes)) {
    throw new AppError("binary", `${name} looks like a binary file (an image, PDF or archive?). Upload .txt, .md or .html text.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_utf8", `${name} is not valid UTF-8 text. Save it as UTF-8 and try again.`);
  }
  return assertHasText(text, name);
}

export function assertHasText(text: string, name = "The text"): string {
  if (overSourceLimit(text)) {
    throw new AppError("too_large", `${name} is too long; the limit is ${formatBytes(MAX_SOURCE_BYTES)}.`);
  }
  if (text.trim().length === 0) {
    throw new AppError("empty", `${capitalise(name)} is empty: there is no article text to ingest.`);
  }
  return text;
}

/** NUL bytes, or many control characters, mean this is not text (UTF-8 text never contains NUL). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function detectFormat(fileName: string | undefined, text: string): SourceFormat {
  const ext = fileName?.toLowerCase().split(".").pop();
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt") return "text";
  return /^\s*(<!doctype html|<html[\s>])/i.test(text) ? "html" : "text";
}

/** Whether the text is over the limit in UTF-8 bytes (never fewer than its UTF-16 units, so long ones need no encoding). */
function overSourceLimit(text: string): boolean {
  return text.length > MAX_SOURCE_BYTES || new TextEncoder().encode(text).byteLength > MAX_SOURCE_BYTES;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
