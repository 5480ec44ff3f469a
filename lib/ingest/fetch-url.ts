import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { Agent, fetch, type Response } from "undici";
import { AppError } from "@/lib/errors";
import { readCapped } from "@/lib/http/read-body-bytes";
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
 * Fetch an article page for ingest, server side, defensively: http(s) only; every hop's host
 * resolved once, every address checked (no loopback, private, link-local or reserved targets unless
 * allowed) and the connection pinned to the checked address; one time limit for the whole fetch
 * (body included) and a size limit enforced while streaming.
 */
export async function fetchUrl(rawUrl: string, options: FetchOptions): Promise<FetchedPage> {
  let url = parseHttpUrl(rawUrl);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const address = await vettedAddress(url, options.allowPrivate);
    // The connection goes to the address just checked: no second lookup for a rebinding DNS to answer.
    const dispatcher = new Agent({ connections: 1, connect: { lookup: pinnedLookup(address) } });
    try {
      let res: Response;
      try {
        res = await fetch(url, {
          dispatcher,
          redirect: "manual",
          signal,
          headers: { accept: "text/html,text/plain;q=0.9,*/*;q=0.1" },
        });
      } catch (e) {
        throw new AppError(
          "fetch_failed",
          signal.aborted ? `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s.` : `Could not reach ${url.host}: ${describeCause(e)}.`,
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
      let bytes: Uint8Array;
      try {
        bytes = await readPage(res);
      } catch (e) {
        if (e instanceof AppError) throw e;
        // the server answered, then sent the page too slowly or broke off: still the upstream's failure
        throw new AppError(
          "fetch_failed",
          signal.aborted
            ? `${url.host} did not send the whole page within ${Math.round(timeoutMs / 1000)} s.`
            : `${url.host} broke off while sending the page: ${describeCause(e)}.`,
        );
      }
      return { url: url.toString(), contentType, bytes };
    } finally {
      void dispatcher.destroy().catch(() => {});
    }
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

/** Resolve the host once and check every address it has; the first is the one we connect to. */
async function vettedAddress(url: URL, allowPrivate: boolean): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError("fetch_failed", `Could not find the server ${url.hostname} (DNS lookup failed).`);
  }
  if (addresses.length === 0) throw new AppError("fetch_failed", `Could not find the server ${url.hostname} (no address).`);
  if (!allowPrivate) {
    for (const address of addresses) {
      const refused = refusedRange(address);
      if (refused) {
        throw new AppError("url_refused", `${url.hostname} is a ${refused} address; fetching it is not allowed.`, { url: "Use a public address." });
      }
    }
  }
  return addresses[0];
}

/**
 * Why an address may not be fetched, or null if it is public. IPv4-mapped IPv6 is judged as the IPv4
 * it carries; any other IPv6 must be global unicast (2000::/3), which leaves out the deprecated
 * IPv4-compatible form (::7f00:1), NAT64, 6to4, Teredo, ULA, link-local and the rest.
 */
export function refusedRange(address: string): string | null {
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  const range = parsed.range();
  if (range !== "unicast") return range;
  if (parsed instanceof ipaddr.IPv6 && !parsed.match(GLOBAL_UNICAST)) return "non-global IPv6";
  return null;
}
const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A lookup for the socket that answers only the vetted address, whatever name it is asked for. */
function pinnedLookup(address: string) {
  const family = ipaddr.parse(address).kind() === "ipv6" ? 6 : 4;
  return (_host: string, options: { all?: boolean }, callback: LookupCallback) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function readPage(res: Response): Promise<Uint8Array> {
  return readCapped(res, MAX_SOURCE_BYTES, () => new AppError("too_large", `The page is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`));
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? "connection failed";
}
