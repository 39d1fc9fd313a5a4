import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Bundles the client once so every browser test loads the current source. */
export default function setup(): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  execFileSync(process.execPath, ["packages/client/scripts/bundle.mjs"], {
    cwd: root,
    stdio: "inherit",
  });
}
