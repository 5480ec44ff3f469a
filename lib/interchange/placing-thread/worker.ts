import { serveRequests } from "@/lib/threads/serve";
import { placeAll, type PlacingInput } from "../place-annotations";

/**
 * Places imported annotations in the article's text, off the thread that serves pages. Approximate
 * search on text built to be repetitive can take seconds for one quote; here it only costs this
 * thread, and a run over its budget is ended from outside by terminating the thread.
 */
serveRequests((input: PlacingInput) => placeAll(input));
