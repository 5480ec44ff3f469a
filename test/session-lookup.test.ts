import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceProcessWide } from "@/lib/process-wide";
import { createTestDb, testDatabase } from "./test-db";

// The session lookup of every page and API request (decision 029): its one-statement common case
// must give what better-auth's getSession gives, and hand everything else to better-auth.
const { db, url, close } = createTestDb();
// lib/db and lib/auth read the environment when first imported: point them at this test's database
process.env.DATABASE_URL = url;
process.env.BETTER_AUTH_SECRET = "session-lookup-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "http://localhost:3999";

type SessionModule = typeof import("@/lib/auth/session");
let session: SessionModule;
let auth: typeof import("@/lib/auth/auth").auth;
let appDb: typeof import("@/lib/db").db;
const PASSWORD = "session-lookup-pass";

beforeAll(async () => {
  // test-db has loaded lib/db already, with the environment as it was then, and its client is one per
  // process (lib/process-wide.ts): empty that slot and load them again for this database
  vi.resetModules();
  replaceProcessWide("prisma", undefined);
  session = await import("@/lib/auth/session");
  ({ auth } = await import("@/lib/auth/auth"));
  ({ db: appDb } = await import("@/lib/db"));
  const { createUser } = await import("@/lib/auth/create-user");
  for (const [name, role] of [["Erin Editor", "editor"], ["Rui Reviewer", "reviewer"]] as const) {
    await createUser({ db, name, email: `${role}@lookup.test`, password: PASSWORD, role });
  }
});
afterAll(async () => {
  await appDb?.$disconnect();
  await close();
});

/** a fresh session as the sign-in endpoint makes it; the Cookie header a browser would send */
async function signIn(email: string): Promise<{ cookie: string; token: string }> {
  const res = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  expect(res.ok).toBe(true);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const token = decodeURIComponent(cookie.split("=")[1]).split(".")[0];
  return { cookie, token };
}
const headersOf = (cookie: string) => new Headers({ cookie });
/** what better-auth itself answers, as an actor */
async function betterAuthActor(cookie: string) {
  const s = await auth.api.getSession({ headers: headersOf(cookie) });
  return s ? { id: s.user.id, name: s.user.name, email: s.user.email, role: (s.user as { role: string }).role } : null;
}

describe(`session lookup (${testDatabase})`, () => {
  it("answers a fresh session itself, with what better-auth answers", async () => {
    const { cookie } = await signIn("editor@lookup.test");
    const fast = await session.currentSessionActor(headersOf(cookie));
    expect(fast).toEqual({ id: expect.any(String), name: "Erin Editor", email: "editor@lookup.test", role: "editor" });
    expect(fast).toEqual(await betterAuthActor(cookie));
    expect(await session.getActor(headersOf(cookie))).toEqual(fast);
  });

  it("reads the role from the database on every request: a changed role counts at once", async () => {
    const { cookie } = await signIn("reviewer@lookup.test");
    expect((await session.getActor(headersOf(cookie)))?.role).toBe("reviewer");
    await db.user.update({ where: { email: "reviewer@lookup.test" }, data: { role: "admin" } });
    expect((await session.getActor(headersOf(cookie)))?.role).toBe("admin");
    await db.user.update({ where: { email: "reviewer@lookup.test" }, data: { role: "reviewer" } });
  });

  it("a signed-out (deleted) session is nobody at once", async () => {
    const { cookie, token } = await signIn("editor@lookup.test");
    await db.session.delete({ where: { token } });
    expect(await session.currentSessionActor(headersOf(cookie))).toBeUndefined();
    expect(await session.getActor(headersOf(cookie))).toBeNull();
  });

  it("a forged or re-signed cookie is not believed", async () => {
    const { cookie, token } = await signIn("editor@lookup.test");
    const [name, value] = cookie.split("=");
    const signature = decodeURIComponent(value).split(".")[1];
    const forged = [
      `${name}=${encodeURIComponent(`${token}x.${signature}`)}`, // another token under this signature
      `${name}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`, // a made-up signature
      `${name}=${token}`, // no signature
    ];
    for (const c of forged) {
      expect(await session.currentSessionActor(headersOf(c))).toBeUndefined();
      expect(await session.getActor(headersOf(c))).toBeNull();
    }
  });

  it("leaves expired sessions and those due for their refresh to better-auth, which ends or extends them", async () => {
    const expired = await signIn("editor@lookup.test");
    await db.session.update({ where: { token: expired.token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await session.currentSessionActor(headersOf(expired.cookie))).toBeUndefined();
    expect(await session.getActor(headersOf(expired.cookie))).toBeNull();

    // a week-long session is extended once a day: two days in, better-auth moves its end again
    const due = await signIn("editor@lookup.test");
    const end = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    await db.session.update({ where: { token: due.token }, data: { expiresAt: end } });
    expect(await session.currentSessionActor(headersOf(due.cookie))).toBeUndefined();
    expect((await session.getActor(headersOf(due.cookie)))?.email).toBe("editor@lookup.test");
    const extended = await db.session.findUniqueOrThrow({ where: { token: due.token } });
    expect(extended.expiresAt.getTime()).toBeGreaterThan(end.getTime());
    // and from then on the common case answers it again
    expect((await session.currentSessionActor(headersOf(due.cookie)))?.email).toBe("editor@lookup.test");
  });

  it("hands a request with better-auth's other session cookies to better-auth", async () => {
    const { cookie } = await signIn("editor@lookup.test");
    for (const extra of ["better-auth.dont_remember=x", "better-auth.session_data=x", "better-auth.session_data.0=x"]) {
      expect(await session.currentSessionActor(headersOf(`${cookie}; ${extra}`))).toBeUndefined();
      expect((await session.getActor(headersOf(`${cookie}; ${extra}`)))?.email).toBe("editor@lookup.test");
    }
    expect(await session.currentSessionActor(new Headers())).toBeUndefined();
  });

  it("reads a Cookie header as better-auth does", () => {
    const c = session.parseCookieHeader(' a=1; b="two%20words"; a=3; c=%E0%A4%A; =x; d');
    expect([...c]).toEqual([
      ["a", "1"],
      ["b", "two words"],
      ["c", "%E0%A4%A"],
    ]);
  });
});
