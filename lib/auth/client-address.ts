import ipaddr from "ipaddr.js";

/** Set by our server (scripts/serve.mjs) to the socket's address, replacing anything a client sent. */
export const PEER_HEADER = "x-copydesk-peer-address";

/**
 * The client's address: as the configured reverse proxy reports it, or, with no proxy configured,
 * the address of the connection itself (our server puts it in PEER_HEADER). Null when unknown.
 * X-Forwarded-For is never believed unless it is the configured header: Next.js passes a client's
 * own X-Forwarded-For through untouched, so believing it would let anyone pick a fresh address per request.
 * For a list (X-Forwarded-For) the last entry is the one our proxy appended; the rest came from
 * the client. IPv6 clients are keyed by their /64, which one host can fill with addresses.
 */
export function clientAddress(headers: Headers, trustedHeader: string | undefined): string | null {
  const raw = headers.get(trustedHeader ?? PEER_HEADER)?.split(",").pop()?.trim();
  if (!raw || !ipaddr.isValid(raw)) return null;
  let ip = ipaddr.parse(raw);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.kind() === "ipv4") return ip.toString();
  const bytes = ip.toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}
