import ipaddr from "ipaddr.js";

/** Set by our server (scripts/serve.mjs) to the socket's address, replacing anything a client sent. */
export const PEER_HEADER = "x-copydesk-peer-address";

/**
 * scripts/serve.mjs sets this flag on the process's global object before the app loads: only then has
 * every request's PEER_HEADER been written by our server. Under any other server (a bare `next start`,
 * `next dev`) nothing overwrites that header, so a client could send its own and pick a fresh sign-in
 * allowance per request: there the header is not read, and with no proxy configured every client is
 * one unknown client. A global, not an environment variable: Next.js loads `.env` files into the
 * environment, so a stray line there could have switched the header back on under `next start`.
 */
export const PEER_HEADER_FLAG = Symbol.for("copydesk.peer-header-written-by-server");

function peerHeaderWritten(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_HEADER_FLAG] === true;
}

/**
 * Where we hand better-auth the address clientIp() resolved, so that its own limiter counts per
 * client by the same rule as ours and its sessions record that address. Set by the auth route and the
 * sign-in action (withClientAddress), and removed from every incoming request by scripts/serve.mjs,
 * so no client can choose its own bucket.
 */
export const CLIENT_HEADER = "x-copydesk-client-address";

/**
 * The client's address: as the configured reverse proxy reports it, or, with no proxy configured,
 * the address of the connection itself (our server puts it in PEER_HEADER; see PEER_HEADER_FLAG).
 * Null when unknown.
 * X-Forwarded-For is never believed unless it is the configured header: Next.js passes a client's
 * own X-Forwarded-For through untouched, so believing it would let anyone pick a fresh address per request.
 * For a list (X-Forwarded-For) the last entry is the one our proxy appended; the rest came from
 * the client. IPv4-mapped IPv6 addresses are read as IPv4.
 */
export function clientIp(headers: Headers, trustedHeader: string | undefined): string | null {
  // a link-local IPv6 address may carry its interface ("fe80::1%eth0"): the address is the client
  const header = trustedHeader ?? (peerHeaderWritten() ? PEER_HEADER : null);
  if (!header) return null;
  const raw = headers.get(header)?.split(",").pop()?.trim().replace(/%.*$/, "");
  if (!raw || !ipaddr.isValid(raw)) return null;
  let ip = ipaddr.parse(raw);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.toString();
}

/** The client as our sign-in limiter keys it: clientIp(), with IPv6 clients keyed by their /64, which one host can fill with addresses. */
export function clientAddress(headers: Headers, trustedHeader: string | undefined): string | null {
  const ip = clientIp(headers, trustedHeader);
  if (!ip || ipaddr.IPv4.isValid(ip)) return ip;
  const bytes = ipaddr.parse(ip).toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}

/** A copy of `headers` with CLIENT_HEADER set to the client's address (or removed when unknown), whatever the client sent. */
export function withClientAddress(headers: Headers, trustedHeader: string | undefined): Headers {
  const copy = new Headers(headers);
  const ip = clientIp(headers, trustedHeader);
  if (ip) copy.set(CLIENT_HEADER, ip);
  else copy.delete(CLIENT_HEADER);
  return copy;
}

/** The same request with withClientAddress()'s headers. */
export function withClientHeader(request: Request, trustedHeader: string | undefined): Request {
  return new Request(request, { headers: withClientAddress(request.headers, trustedHeader) });
}
