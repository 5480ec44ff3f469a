// A runner in its own process, for the test that kills it mid-job (test/check-jobs.test.ts):
//   tsx test/check-job-child.ts DATABASE_URL REVISION_ID LEASE_MS
// Claims the job for REVISION_ID and runs it; the test kills this process with SIGKILL meanwhile.
import { createClient } from "@/lib/db";
import { claimCheckJob } from "@/lib/jobs/claim-check-job";
import { runCheckJob } from "@/lib/jobs/run-check-job";

const [url, revisionId, leaseMs] = process.argv.slice(2);
const db = createClient(url, { poolMax: 2 });

async function main() {
  for (;;) {
    const job = await claimCheckJob(db, { runner: "child", leaseMs: Number(leaseMs) });
    if (!job) throw new Error("no job to claim");
    if (job.revisionId !== revisionId) {
      await runCheckJob(db, job, "child");
      continue;
    }
    process.stdout.write("claimed\n");
    await runCheckJob(db, job, "child", { budgetMs: 120_000 });
    process.stdout.write("finished\n");
    break;
  }
  await db.$disconnect();
}

void main();
