/** @type {import('next').NextConfig} */
module.exports = {
  // a second build beside the usual one (parallel e2e runs while developing); default .next
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user without the role
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
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
