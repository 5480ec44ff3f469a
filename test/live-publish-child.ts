// A process that only publishes, like the seed or the CLI (test/live-bus.test.ts):
//   DATABASE_URL=postgresql://… tsx test/live-publish-child.ts ARTICLE_ID
// It must deliver its event and then exit by itself: no listening connection may keep it alive.
import { db } from "@/lib/db";
import { publishChange } from "@/lib/live/publish";

publishChange(process.argv[2], "article", "child");
setTimeout(() => void db.$disconnect(), 500);
