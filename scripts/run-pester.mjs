// `npm run test:pester`: runs the Pester suites (test/pester) in real pwsh against the
// built module in dist/. Exported for scripts/test.mjs; prints the counts when run alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findPester, findPwsh, root } from "./tools.mjs";

/** Returns { passed, failed, skipped, notRun }. */
export function runPester() {
  const pwsh = findPwsh();
  const pester = findPester();
  const dir = mkdtempSync(join(tmpdir(), "pester-result-"));
  const resultFile = join(dir, "result.json");
  try {
    const run = spawnSync(
      pwsh,
      ["-NoProfile", "-NonInteractive", "-File", join(root, "test", "pester", "run.ps1"), "-PesterManifest", pester, "-ResultFile", resultFile],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NO_COLOR: "1" } },
    );
    try {
      return JSON.parse(readFileSync(resultFile, "utf8"));
    } catch {
      return { passed: 0, failed: Math.max(1, run.status ?? 1), skipped: 0, notRun: 0 };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = runPester();
  console.log(`pester: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 ? 1 : 0);
}
