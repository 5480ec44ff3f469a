import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_HEADER, clientAddress, PEER_HEADER, PEER_HEADER_FLAG, withClientAddress } from "./client-address";

const h = (init: Record<string, string>) => new Headers(init);

// as under scripts/serve.mjs, which writes the peer header on every request and says so
const flags = globalThis as Record<symbol, unknown>;
beforeEach(() => {
  flags[PEER_HEADER_FLAG] = true;
});
afterEach(() => {
  delete flags[PEER_HEADER_FLAG];
  vi.unstubAllEnvs();
});

describe("clientAddress", () => {
  it("under a server that does not write the peer header (bare next start), a client's own is not believed", () => {
    delete flags[PEER_HEADER_FLAG];
    vi.stubEnv("COPYDESK_PEER_HEADER", PEER_HEADER); // an environment variable switches nothing on
    expect(clientAddress(h({ [PEER_HEADER]: "203.0.113.9" }), undefined)).toBeNull();
    expect(withClientAddress(h({ [PEER_HEADER]: "203.0.113.9" }), undefined).get(CLIENT_HEADER)).toBeNull();
    // a configured proxy's header is still read
    expect(clientAddress(h({ "x-real-ip": "203.0.113.9" }), "x-real-ip")).toBe("203.0.113.9");
  });

  it("with no proxy configured, takes the connection's own address and ignores X-Forwarded-For", () => {
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }), undefined)).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "127.0.0.1" }), undefined)).toBe("127.0.0.1");
  });

  it("reads the configured header; for a list, the entry the proxy appended", () => {
    expect(clientAddress(h({ "x-real-ip": "203.0.113.9" }), "x-real-ip")).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), "x-forwarded-for")).toBe("203.0.113.9");
  });

  it("refuses what is not an address", () => {
    expect(clientAddress(h({ "x-real-ip": "evil" }), "x-real-ip")).toBeNull();
    expect(clientAddress(h({}), "x-real-ip")).toBeNull();
  });

  it("folds mapped IPv4 and keys IPv6 by /64", () => {
    expect(clientAddress(h({ "x-real-ip": "::ffff:203.0.113.9" }), "x-real-ip")).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-real-ip": "2001:db8:1:2:aaaa::1" }), "x-real-ip")).toBe(clientAddress(h({ "x-real-ip": "2001:db8:1:2:bbbb::7" }), "x-real-ip"));
    expect(clientAddress(h({ "x-real-ip": "2001:db8:1:2::1" }), "x-real-ip")).not.toBe(clientAddress(h({ "x-real-ip": "2001:db8:1:3::1" }), "x-real-ip"));
  });

  it("hands better-auth the plain address, whatever the client put in CLIENT_HEADER", () => {
    const forged = { [CLIENT_HEADER]: "198.51.100.1" };
    expect(withClientAddress(h({ ...forged, [PEER_HEADER]: "fe80::1%eth0" }), undefined).get(CLIENT_HEADER)).toBe("fe80::1");
    expect(withClientAddress(h({ ...forged, [PEER_HEADER]: "::ffff:127.0.0.1" }), undefined).get(CLIENT_HEADER)).toBe("127.0.0.1");
    expect(withClientAddress(h(forged), undefined).get(CLIENT_HEADER)).toBeNull();
  });
});
