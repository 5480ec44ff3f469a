/** @type {import('next').NextConfig} */
module.exports = {
  // a second build beside the usual one (parallel e2e runs while developing); default .next
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project once (tsc --noEmit, tests and scripts included);
  // checking again inside every build would only slow the e2e, benchmark and start builds
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user without the role;
  // the body limit is MAX_ACTION_BODY_BYTES in lib/ingest/limits.ts (a test keeps them equal)
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  // native addon and a DOM implementation: load them from node_modules at run time, don't bundle
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "jsdom"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};
