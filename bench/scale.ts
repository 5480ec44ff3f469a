/**
 * npm run bench:scale — Copydesk on a long investigation: a generated ~20,000-word article with
 * 2,000 annotations, against a production build on its own SQLite database.
 *
 * Measures: server time to render the article page; client time until text and panel are
 * interactive (Chromium, Playwright); time to save one annotation (p50/p95 over 200 saves);
 * time to approve and apply 50 changes into a new revision (with re-anchoring of the rest).
 * Each row has a floor measured in the same run — the same work without our logic — as the peer:
 * a static file of the same text, a bare Prisma insert, a plain string splice.
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { longArticle, prng } from "./long-article";
import { benchSetting, buildAndStart, removeSqliteFile, signInCookie, stop, waitFor } from "./server";
import { table } from "./table";

const { ROOT, OUT, DB_FILE, PORT, BASE, env } = benchSetting("scale", 3200);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function main() {
  mkdirSync(OUT, { recursive: true });
  removeSqliteFile(DB_FILE);
  execSync("npx prisma migrate deploy", { cwd: ROOT, env, stdio: "ignore" });
  const { db } = await import("@/lib/db");
  const { createUser } = await import("@/lib/auth/create-user");
  const { ingestArticle } = await import("@/lib/articles/ingest-article");
  const { createAnnotation } = await import("@/lib/annotations/create-annotation");
  const { approveChanges } = await import("@/lib/review/decide-change");
  const { submitForReview } = await import("@/lib/review/submit-for-review");
  const { parseText } = await import("@/lib/ingest/parse-text");
  const { quoteSelector } = await import("@/lib/anchoring/quote-selector");
  const { claimNumbers } = await import("@/lib/annotations/claim-numbers");

  const users = await Promise.all([
    createUser({ db, name: "Bench Editor", email: "editor@bench.test", password: "bench-pass", role: "editor" }),
    createUser({ db, name: "Bench Reviewer", email: "reviewer@bench.test", password: "bench-pass", role: "reviewer" }),
  ]);
  const [editor, reviewer] = users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role as "editor" | "reviewer" }));
  const parsed = parseText(longArticle(7, 20_000));
  const words = parsed.text.split(/\s+/).length;
  const article = await ingestArticle({ db, actor: editor, parsed, sourceKind: "seed", sourceName: "bench", checks: "none" });

  // 2,000 marks on whole words across the paragraphs (notes, so no two changes need to be applied)
  const random = prng(11);
  const wordRanges = [...parsed.text.matchAll(/\b[\p{L}']{3,}\b/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const chosen = new Set<number>();
  while (chosen.size < 2_000) chosen.add(Math.floor(random() * wordRanges.length));
  const categories = ["typo", "style", "punctuation", "attribution", "other"];
  const first = await claimNumbers(db, article.id, chosen.size);
  await db.annotation.createMany({
    data: [...chosen].map((i, n) => ({
      articleId: article.id, number: first + n, revisionId: article.revisionId, ...wordRanges[i], ...quoteSelector(parsed.text, wordRanges[i].start, wordRanges[i].end),
      category: categories[n % categories.length], replacement: null, note: `note ${n}`, speaker: n % 5 === 3 ? "A. Speaker" : null,
      status: "proposed", source: "editor", authorId: editor.id,
    })),
  });

  // --- save one annotation: p50/p95 over 200, our use case vs a bare Prisma insert ---
  const saveTimes: number[] = [];
  const bareTimes: number[] = [];
  const someAnnotation = (await db.annotation.findFirstOrThrow({ select: { id: true } })).id;
  for (let n = 0; n < 200; n++) {
    const r = wordRanges[Math.floor(random() * wordRanges.length)];
    let t0 = performance.now();
    await createAnnotation({ db, actor: editor, input: { articleId: article.id, revisionId: article.revisionId, ...r, category: "other", replacement: null, note: "bench", speaker: null } });
    saveTimes.push(performance.now() - t0);
    t0 = performance.now();
    await db.comment.create({ data: { annotationId: someAnnotation, authorId: editor.id, body: "floor" } });
    bareTimes.push(performance.now() - t0);
  }

  // --- server render and client interactive, against `next start` ---
  const server = buildAndStart({ root: ROOT, env, port: PORT });
  try {
    await waitFor(`${BASE}/signin`);
    const cookie = await signInCookie(BASE, "editor@bench.test", "bench-pass");
    const page = `${BASE}/articles/${article.id}`;
    const serverTimes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const res = await fetch(page, { headers: { cookie } });
      await res.text();
      if (i >= 2) serverTimes.push(performance.now() - t0); // two warm-ups
    }
    // floor: the same text from a static file server
    const staticServer = createServer((_req, res) => res.end(parsed.text));
    await new Promise<void>((r) => staticServer.listen(0, "127.0.0.1", r));
    const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`;
    const staticTimes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      await (await fetch(staticUrl)).text();
      if (i >= 2) staticTimes.push(performance.now() - t0);
    }
    staticServer.close();

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies(cookie.split("; ").map((c) => ({ name: c.split("=")[0], value: c.slice(c.indexOf("=") + 1), url: BASE })));
    const tab = await context.newPage();
    const interactive: number[] = [];
    const allCards: number[] = [];
    const totalMarks = await db.annotation.count({ where: { articleId: article.id } });
    const staticPaint: number[] = [];
    for (let i = 0; i < 4; i++) {
      await tab.goto(page, { waitUntil: "commit" });
      await tab.waitForSelector("[data-hydrated]", { timeout: 60_000 });
      if (i > 0) interactive.push(await tab.evaluate(() => performance.now())); // first load warms the build's caches
      // the rest of the cards render in background batches; note when the last one is in
      await tab.waitForFunction((n) => document.querySelectorAll("[data-annotation-id]").length >= n, totalMarks, { timeout: 60_000 });
      if (i > 0) allCards.push(await tab.evaluate(() => performance.now()));
    }
    // floor: the raw text as a page, until load
    const floorServer = createServer((_req, res) => res.end(`<!doctype html><pre>${parsed.text.replace(/</g, "&lt;")}</pre>`));
    await new Promise<void>((r) => floorServer.listen(0, "127.0.0.1", r));
    const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
    for (let i = 0; i < 4; i++) {
      await tab.goto(floorUrl, { waitUntil: "load" });
      if (i > 0) staticPaint.push(await tab.evaluate(() => performance.now()));
    }
    floorServer.close();
    const marks = totalMarks;
    await browser.close();

    // --- approve 50 changes at once: apply + re-anchor the other 2,000 marks ---
    const fifty = [...new Set(Array.from({ length: 400 }, () => Math.floor(random() * wordRanges.length)))].slice(0, 50).sort((a, b) => a - b);
    const current = await db.revision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: "desc" }, select: { id: true } });
    const changes = [];
    for (const i of fifty) {
      changes.push(
        await createAnnotation({
          db, actor: editor,
          input: { articleId: article.id, revisionId: current.id, ...wordRanges[i], category: "typo", replacement: parsed.text.slice(wordRanges[i].start, wordRanges[i].end).toUpperCase(), note: null, speaker: null },
        }),
      );
    }
    await submitForReview({ db, actor: editor, articleId: article.id });
    const t0 = performance.now();
    const outcome = await approveChanges({ db, actor: reviewer, articleId: article.id, decisions: changes.map((c) => ({ id: c.id, version: c.version })) });
    const applyMs = performance.now() - t0;
    const s0 = performance.now();
    let spliced = parsed.text;
    for (const c of [...changes].reverse()) spliced = spliced.slice(0, c.start) + (c.replacement ?? "") + spliced.slice(c.end);
    const spliceMs = performance.now() - s0;

    const rows = [
      ["article page, server (median)", ms(pct(serverTimes, 50)), ms(pct(staticTimes, 50)), "static file of the text", "< 300 ms", pct(serverTimes, 50) < 300 ? "met" : "MISSED"],
      ["text + panel interactive (median)", ms(pct(interactive, 50)), ms(pct(staticPaint, 50)), "raw text page, load", "< 1500 ms", pct(interactive, 50) < 1500 ? "met" : "MISSED"],
      [`all ${totalMarks.toLocaleString("en")} cards rendered (median)`, ms(pct(allCards, 50)), "", "", "", ""],
      ["save one annotation p50", ms(pct(saveTimes, 50)), ms(pct(bareTimes, 50)), "bare Prisma insert", "", ""],
      ["save one annotation p95", ms(pct(saveTimes, 95)), ms(pct(bareTimes, 95)), "bare Prisma insert", "< 100 ms", pct(saveTimes, 95) < 100 ? "met" : "MISSED"],
      [`apply 50 changes (+ re-anchor ${outcome.moved})`, ms(applyMs), ms(spliceMs), "string splice only", "< 500 ms", applyMs < 500 ? "met" : "MISSED"],
    ];
    const report = [
      `Copydesk scale benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
      `article: ${words.toLocaleString("en")} words, ${parsed.text.length.toLocaleString("en")} characters, ${marks.toLocaleString("en")} annotations (cards render progressively: ${150} with the page, the rest in background batches)`,
      "",
      table(["measure", "copydesk", "floor (peer)", "peer is", "goal", ""], rows),
    ].join("\n");
    console.log(report);
    writeFileSync(path.join(OUT, "scale.txt"), report + "\n");
  } finally {
    stop(server);
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
