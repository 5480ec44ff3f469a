// `npm run worker`: a process that only runs check jobs (decision 020), beside or instead of the
// app servers' own runners (start those with CHECK_WORKER=0 to leave all checks to workers).
// Same DATABASE_URL as the app; run as many as you like.
import { db } from "@/lib/db";
import { startCheckWorker } from "@/lib/jobs/check-worker";

const worker = startCheckWorker({ db, log: (m, e) => console.error(m, e) });
console.log(`check worker ${worker.runner} started`);
// keep the process alive while the runner sleeps between polls (its timer does not)
const alive = setInterval(() => {}, 1 << 30);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    console.log(`check worker ${worker.runner}: finishing the job in hand`);
    await worker.stop();
    clearInterval(alive);
    await db.$disconnect();
  });
}
