import { rmSync } from "node:fs";
import path from "node:path";

/** The API this run built for its server (apps/api/dist-e2e/<port>) goes when the run ends. */
export default function globalTeardown() {
  const port = process.env.E2E_PORT;
  if (port) rmSync(path.resolve(import.meta.dirname, "../apps/api/dist-e2e", port), { recursive: true, force: true });
}
