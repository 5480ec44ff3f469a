import ipaddr from "ipaddr.js";

/** Set by our server (scripts/serve.mjs) to the socket's address, replacing anything a client sent. */
export const PEER_HEADER = "x-copydesk-peer-address";

/**
 * Where the auth route hands better-auth the address clientIp() resolved, so that better-auth's own
 * limiter counts per client by the same rule as ours. Always overwritten by the route (and removed
 * from every incoming request by scripts/serve.mjs), so no client can choose its own bucket.
 */
export const CLIENT_HEADER = "x-copydesk-client-address";

/**
 * The client's address: as the configured reverse proxy reports it, or, with no proxy configured,
 * the address of the connection itself (our server puts it in PEER_HEADER). Null when unknown.
 * X-Forwarded-For is never believed unless it is the configured header: Next.js passes a client's
 * own X-Forwarded-For through untouched, so believing it would let anyone pick a fresh address per request.
 * For a list (X-Forwarded-For) the last entry is the one our proxy appended; the rest came from
 * the client. IPv4-mapped IPv6 addresses are read as IPv4.
 */
export function clientIp(headers: Headers, trustedHeader: string | undefined): string | null {
  const raw = headers.get(trustedHeader ?? PEER_HEADER)?.split(",").pop()?.trim();
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

/** The same request with CLIENT_HEADER set to its client's address (or removed when unknown), whatever the client sent. */
export function withClientHeader(request: Request, trustedHeader: string | undefined): Request {
  const headers = new Headers(request.headers);
  const ip = clientIp(request.headers, trustedHeader);
  if (ip) headers.set(CLIENT_HEADER, ip);
  else headers.delete(CLIENT_HEADER);
  return new Request(request, { headers });
}
