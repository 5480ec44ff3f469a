import { z } from "zod";

/** Environment, checked once at start-up. Defaults give the SQLite quick start. */
const schema = z.object({
  DATABASE_URL: z.string().default("file:./prisma/dev.db"),
  /** PostgreSQL only: connections per server process (mind max_connections across all servers) */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  // follows PORT so `PORT=4000 npm start` signs in without more settings
  BETTER_AUTH_URL: z.url().default(`http://localhost:${process.env.PORT ?? 3000}`),
  /** Allow the URL ingest to fetch loopback/private addresses (tests serve pages on 127.0.0.1). */
  ALLOW_PRIVATE_URLS: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /**
   * The header your reverse proxy sets to the connecting client's address (e.g. `x-real-ip`, or
   * `x-forwarded-for`, of which the last entry is taken). Unset: no client header is believed.
   */
  TRUSTED_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]*$/)
    .transform((v) => v.toLowerCase() || undefined)
    .optional(),
  /** How long the automatic checks may work on one article before it is marked "too long to check". */
  CHECK_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
});

export const env = schema.parse(process.env);
