// Entry of the SQLite checkpoint thread. A worker starts a fresh module loader, so the TypeScript
// loader the app runs under is not inherited: register tsx here and load the real worker.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
