import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";
import { FETCH_TIMEOUT_MS, MAX_REDIRECTS, MAX_SOURCE_BYTES } from "./limits";

export interface FetchedPage {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface FetchOptions {
  /** let loopback and private-network addresses through (tests, or a newsroom's intranet CMS) */
  allowPrivate: boolean;
  timeoutMs?: number;
}

/**
 * Fetch an article page for ingest, server side, defensively: http(s) only, every hop's address
 * checked (no loopback, private, link-local or reserved targets unless allowed), a time limit
 * and a size limit enforced while streaming.
 */
export async function fetchUrl(rawUrl: string, options: FetchOptions): Promise<FetchedPage> {
  let url = parseHttpUrl(rawUrl);
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await assertPublicAddress(url, options.allowPrivate);
    let res: Response;
    try {
      res = await fetch(url, { redirect: "manual", signal, headers: { accept: "text/html,text/plain;q=0.9,*/*;q=0.1" } });
    } catch (e) {
      const timedOut = signal.aborted;
      throw new AppError(
        "fetch_failed",
        timedOut
          ? `${url.host} did not answer within ${Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} s.`
          : `Could not reach ${url.host}: ${describeCause(e)}.`,
      );
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      url = parseHttpUrl(new URL(res.headers.get("location")!, url).toString());
      continue;
    }
    if (!res.ok) throw new AppError("fetch_failed", `${url.host} answered ${res.status} ${res.statusText}.`);
    const contentType = res.headers.get("content-type") ?? "";
    if (contentType && !/^(text\/|application\/(xhtml\+xml|xml))/i.test(contentType)) {
      throw new AppError("unsupported_type", `The page is ${contentType.split(";")[0]}, not an article (HTML or text).`);
    }
    return { url: url.toString(), contentType, bytes: await readCapped(res) };
  }
  throw new AppError("fetch_failed", `Too many redirects (more than ${MAX_REDIRECTS}).`);
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError("bad_input", "That is not a valid URL.", { url: "Enter a full address, like https://example.com/story." });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("url_refused", "Only http and https addresses can be fetched.", { url: "Use an http:// or https:// address." });
  }
  return url;
}

async function assertPublicAddress(url: URL, allowPrivate: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError("fetch_failed", `Could not find the server ${url.hostname} (DNS lookup failed).`);
  }
  if (allowPrivate) return;
  for (const address of addresses) {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    if (parsed.range() !== "unicast") {
      throw new AppError("url_refused", `${url.hostname} is a ${parsed.range()} address; fetching it is not allowed.`, {
        url: "Use a public address.",
      });
    }
  }
}

async function readCapped(res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > MAX_SOURCE_BYTES) throw new AppError("too_large", `The page is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`);
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_SOURCE_BYTES) {
      await reader.cancel();
      throw new AppError("too_large", `The page is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? "connection failed";
}
