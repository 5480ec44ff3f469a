// Entry of the app server's check-job runner thread. A worker starts a fresh module loader, so the
// TypeScript loader is not inherited: register tsx here and load the real worker, which resolves the
// "@/…" paths like the app does.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
