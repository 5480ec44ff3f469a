import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API = path.join(__dirname, "..", "..", "app", "api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("_") ? [] : routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  it("describes every API route (except auth and the document itself)", () => {
    const documented = Object.keys(openApiDocument("http://localhost:3000").paths);
    const routes = routeFiles(API)
      .map((f) => "/api/" + path.relative(API, path.dirname(f)).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}"))
      .filter((p) => !p.startsWith("/api/auth") && p !== "/api/openapi.json");
    expect(routes.length).toBeGreaterThan(3);
    for (const r of routes) expect(documented, r).toContain(r);
  });
});
