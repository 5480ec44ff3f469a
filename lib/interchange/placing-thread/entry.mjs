// Entry of the thread that places imported annotations. A worker starts a fresh module loader, so the
// TypeScript loader the app runs under is not inherited: register tsx here (a runtime dependency, as
// for the CLI) and load the real worker, which resolves the "@/…" paths like the app does.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
