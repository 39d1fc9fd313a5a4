// `npm start`: runs the TypeScript server (src/main.ts) through tsx, with no build step of its own.
import { tsImport } from "tsx/esm/api";

await tsImport("./src/main.ts", import.meta.url);
