// `npm test`: everything, from a fresh clone. Installs what is missing (npm packages,
// PowerShell, Pester), checks the specs against the SDK and generated/ against the specs, type-checks, builds and
// packages the module, then runs the vitest suites and the Pester suites in real pwsh.
// Uses Node built-ins only until `npm ci` has run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureNodeModules, findPester, findPwsh, root } from "./tools.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit code ${result.status}).`);
    process.exit(result.status || 1);
  }
}

console.log("== Setting up");
ensureNodeModules();
findPwsh();
findPester();

step("specs/ are in step with the SDK and the overlays", npm, ["run", "--silent", "scaffold:check"]);
step("generated/ is in step with specs/", npm, ["run", "--silent", "generate:check"]);
step("Type check", npm, ["run", "--silent", "typecheck"]);
step("Build and package the module", npm, ["run", "--silent", "package"]);

console.log("\n== vitest");
const dir = mkdtempSync(join(tmpdir(), "vitest-result-"));
const vitestJson = join(dir, "vitest.json");
spawnSync(process.execPath, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
  cwd: root,
  stdio: "inherit",
});
let vitest = { passed: 0, failed: 1, skipped: 0 };
try {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  // A suite that fails without a failing test (a file that does not load) still counts as a failure.
  const unexplained = !report.success && report.numFailedTests === 0 ? 1 : 0;
  vitest = { passed: report.numPassedTests, failed: report.numFailedTests + unexplained, skipped: report.numPendingTests + report.numTodoTests };
} catch {
  console.error("vitest wrote no report");
}
rmSync(dir, { recursive: true, force: true });

console.log("\n== Pester (real pwsh, built module)");
const { runPester } = await import("./run-pester.mjs");
const pester = runPester();

const passed = vitest.passed + pester.passed;
const failed = vitest.failed + pester.failed;
const skipped = vitest.skipped + pester.skipped + (pester.notRun ?? 0);
console.log(`\nvitest ${vitest.passed} passed, ${vitest.failed} failed; pester ${pester.passed} passed, ${pester.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
