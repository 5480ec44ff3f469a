import { runChecks } from "@/lib/checks/run-checks";
import type { CheckInput } from "@/lib/checks/types";
import { serveRequests } from "@/lib/threads/serve";

/**
 * The checks' own thread: runs one article at a time and answers with its findings. The thread that
 * serves pages never runs a rule, so however long an article takes, other requests are answered;
 * a run over its budget is ended from outside by terminating this thread.
 */
serveRequests((input: CheckInput) => runChecks(input));
