// `npm run bench`: the module side by side with the raw AWS SDK and the AWS CLI, against
// cognito-local and a local responder that this script starts. Every case runs at least
// BENCH_RUNS times (default 5); the table (median, min, max, and the ratio to the
// reference measured in the same run) goes to the console and to bench-results/latest.md.
// Not part of the tests: timings on a shared machine are for reading, not asserting.
// BENCH_BASELINE_MODULE=<folder or manifest of another build> also times that build's warm
// loop and pipeline against the responder, alternating with this one, and reports the
// difference per call (used to compare the generated functions with the compiled cmdlets
// they replaced).
import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ensureNodeModules, findPwsh, root } from "./tools.mjs";

ensureNodeModules();
const pwsh = findPwsh();
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const calls = Number(process.env.BENCH_CALLS ?? 1000);
const memoryCalls = Number(process.env.BENCH_MEMORY_CALLS ?? 10000);
spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const manifest = join(root, "dist", "PSCognitoIdentityProvider", "PSCognitoIdentityProvider.psd1");
const baselineSetting = process.env.BENCH_BASELINE_MODULE;
const baseline = baselineSetting && (baselineSetting.endsWith(".psd1") ? baselineSetting : join(baselineSetting, "PSCognitoIdentityProvider.psd1"));

const { startEmulator, createSignedInUsers } = await import("./emulator.mjs");

// The responder runs in its own process: this script waits on its children synchronously,
// which would starve a server running on this event loop.
async function startResponderProcess() {
  const child = spawn(process.execPath, [join(root, "test", "support", "responder.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = await new Promise((resolveLine) => createInterface({ input: child.stdout }).once("line", (l) => resolveLine([l])));
  const { port } = JSON.parse(line);
  return { url: `http://127.0.0.1:${port}`, close: async () => child.stdin.end() };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: values.length };
};
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
function run(command, args, input = "") {
  const result = spawnSync(command, args, { cwd: root, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}
const psQuote = (text) => `'${text.replaceAll("'", "''")}'`;
const lastJson = (text) => JSON.parse(text.split("\n").filter((l) => l.startsWith("{")).at(-1));
const pwshFile = (script, args, input) => lastJson(run(pwsh, ["-NoProfile", "-NonInteractive", "-File", join(root, "scripts", "bench", script), ...args], input));
const sdkCalls = (endpoint, n, token) => lastJson(run(process.execPath, [join(root, "scripts", "bench", "sdk.mjs"), endpoint, String(n)], token));

const rows = [];
const log = (text) => process.stderr.write(`${text}\n`);
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
function row(name, unit, ours, reference, referenceName, target, ratioOf = (o, r) => o / r) {
  const o = stats(ours);
  const r = reference ? stats(reference) : undefined;
  rows.push({
    name,
    ours: `${fmt(o.median)} ${unit} (${fmt(o.min)}-${fmt(o.max)}, n=${o.n})`,
    reference: r ? `${fmt(r.median)} ${unit} (${fmt(r.min)}-${fmt(r.max)}) ${referenceName}` : referenceName ?? "",
    ratio: r ? `${ratioOf(o.median, r.median).toFixed(2)}x` : "",
    target,
  });
  log(`${name}: ours ${fmt(o.median)} ${unit}${r ? `, reference ${fmt(r.median)} ${unit}` : ""}`);
}

const emulator = await startEmulator();
const responder = await startResponderProcess();
try {
  const { users } = await createSignedInUsers(emulator.endpoint, 1);
  const token = `${users[0].accessToken}\n`;
  const perCall = (total) => total / calls;

  // Warm loop and pipeline, against cognito-local.
  // Each run times three rounds of `calls`: the first right after import (or the SDK
  // client's first call), the last warm; the targets are about the warm one.
  const loopOurs = [], loopSdk = [], pipeOurs = [], pipeSdk = [], firstOurs = [], firstSdk = [];
  const loopRun = (module, ...extra) => pwshFile("loop.ps1", ["-ModuleManifest", module, "-EndpointUrl", emulator.endpoint, "-Calls", String(calls), ...extra], token);
  for (let i = 0; i < runs; i++) {
    const loop = loopRun(manifest);
    loopOurs.push(perCall(loop.totalMs));
    firstOurs.push(perCall(loop.firstMs));
    pipeOurs.push(perCall(loopRun(manifest, "-Pipeline").totalMs));
    const sdk = sdkCalls(emulator.endpoint, calls, token);
    loopSdk.push(perCall(sdk.totalMs));
    firstSdk.push(perCall(sdk.firstMs));
    pipeSdk.push(perCall(sdkCalls(emulator.endpoint, calls, token).totalMs));
  }
  row(`warm loop: ${calls} cmdlet calls in a foreach (cognito-local)`, "ms/call", loopOurs, loopSdk, "raw SDK, one client", "<= 1.5x");
  row(`pipeline: ${calls} objects piped by property name (cognito-local)`, "ms/call", pipeOurs, pipeSdk, "raw SDK, one client", "<= 1.3x");
  row(`(for reading) the first ${calls} calls after import, not warm`, "ms/call", firstOurs, firstSdk, "raw SDK's first calls", "");

  // Bridge overhead, against the responder.
  // With BENCH_BASELINE_MODULE, another build of the module runs here too, right after each
  // of ours: the responder's answers take a fraction of a millisecond and do not drift as
  // cognito-local's store grows, so the difference is the modules' own.
  const responderRun = (module, ...extra) =>
    perCall(pwshFile("loop.ps1", ["-ModuleManifest", module, "-EndpointUrl", responder.url, "-Calls", String(calls), ...extra], "t\n").totalMs);
  const overOurs = [], overSdk = [], loopBase = [], pipeHere = [], pipeBase = [];
  for (let i = 0; i < runs; i++) {
    overOurs.push(responderRun(manifest));
    if (baseline) {
      loopBase.push(responderRun(baseline));
      pipeHere.push(responderRun(manifest, "-Pipeline"));
      pipeBase.push(responderRun(baseline, "-Pipeline"));
    }
    overSdk.push(perCall(sdkCalls(responder.url, calls, "t").totalMs));
  }
  const overhead = overOurs.map((o, i) => o - overSdk[i]);
  row("bridge overhead: ours minus raw SDK per call (responder)", "ms/call", overhead, undefined, `ours ${fmt(stats(overOurs).median)}, SDK ${fmt(stats(overSdk).median)} ms/call`, "<= 1 ms");
  if (baseline) {
    const difference = (here, base) => here.map((h, j) => h - base[j]);
    const both = (here, base) => `ours ${fmt(stats(here).median)}, baseline ${fmt(stats(base).median)} ms/call (${baselineSetting})`;
    row("warm loop: ours minus the baseline build, per call (responder)", "ms/call", difference(overOurs, loopBase), undefined, both(overOurs, loopBase), "<= 0.1 ms");
    row("pipeline: ours minus the baseline build, per call (responder)", "ms/call", difference(pipeHere, pipeBase), undefined, both(pipeHere, pipeBase), "<= 0.1 ms");
  }

  // Large replies (the responder's ListUsers): a page of 60 users and 1,020 users through 17
  // pages, each user with 5 attributes and two dates. With BENCH_BASELINE_MODULE, the other
  // build runs right after each of ours (used to compare typed replies with PSCustomObjects).
  const listingRun = (module) => pwshFile("listing.ps1", ["-ModuleManifest", module, "-EndpointUrl", responder.url]);
  const pageOurs = [], pageBase = [], listingOurs = [], listingBase = [];
  for (let i = 0; i < runs; i++) {
    const ours = listingRun(manifest);
    pageOurs.push(ours.pageMs);
    listingOurs.push(ours.listingMs);
    if (baseline) {
      const base = listingRun(baseline);
      pageBase.push(base.pageMs);
      listingBase.push(base.listingMs);
    }
  }
  const baseName = baseline ? `baseline build (${baselineSetting})` : "";
  row("large reply: a page of 60 users, per call (responder)", "ms", pageOurs, baseline ? pageBase : undefined, baseName, baseline ? "<= 1x" : "");
  row("large reply: 1,020 users through 17 pages, per listing (responder)", "ms", listingOurs, baseline ? listingBase : undefined, baseName, baseline ? "<= 1x" : "");

  // Cold first call, and import: process starts vary most on a shared machine, and cost
  // little, so these take more runs (at least 31), and each subtracts a bare pwsh start
  // measured just before it (the machine's load drifts between runs). Import-Module timed
  // inside a fresh pwsh is shown too, for reading: it is free of the process-start noise.
  // One -Command, as the bare start it is compared with: run as a script file (-File) with
  // a param block, the same call measured 75-90 ms more, all of it pwsh compiling and
  // binding the script.
  const coldCall =
    `Import-Module ${psQuote(manifest)}; ` +
    `$null = Get-CGIPUserAttributeVerificationCode -AccessToken ([Console]::In.ReadLine()) -AttributeName email -Region us-east-1 -EndpointUrl ${psQuote(emulator.endpoint)} -Select '*'`;
  const cold = [], oneShot = [], imports = [], importsInside = [], bare = [];
  const bareStart = () => {
    const ms = time(() => run(pwsh, ["-NoProfile", "-NonInteractive", "-Command", "1"]));
    bare.push(ms);
    return ms;
  };
  for (let i = 0; i < Math.max(runs, 31); i++) {
    let before = bareStart();
    imports.push(time(() => run(pwsh, ["-NoProfile", "-NonInteractive", "-Command", `Import-Module ${psQuote(manifest)}`])) - before);
    before = bareStart();
    cold.push(time(() => run(pwsh, ["-NoProfile", "-NonInteractive", "-Command", coldCall], token)) - before);
    oneShot.push(time(() => run(process.execPath, [join(root, "scripts", "bench", "sdk.mjs"), emulator.endpoint, "0"], token)));
    importsInside.push(pwshFile("import.ps1", ["-ModuleManifest", manifest]).importMs);
  }
  row("cold first call: pwsh import + one call, minus bare pwsh", "ms", cold, oneShot, "one-shot node script", "<= 1.4x");
  row("import: Import-Module, minus bare pwsh", "ms", imports, undefined, `bare pwsh ${fmt(stats(bare).median)} ms`, "<= 250 ms");
  row("(for reading) Import-Module timed inside a fresh pwsh", "ms", importsInside, undefined, "", "");

  // The AWS CLI, per invocation, against our warm per-call time.
  const aws = spawnSync("aws", ["--version"], { encoding: "utf8" });
  if (aws.status === 0) {
    const cli = [];
    for (let i = 0; i < runs; i++) {
      cli.push(time(() => spawnSync("aws", ["cognito-idp", "get-user-attribute-verification-code", "--access-token", users[0].accessToken, "--attribute-name", "email", "--endpoint-url", emulator.endpoint, "--region", "us-east-1"], {
        env: { ...process.env, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local" },
      })));
    }
    const version = (aws.stdout || aws.stderr).trim().split(" ")[0];
    row(`vs AWS CLI (${version}): our warm per-call time; ratio = CLI / ours`, "ms", loopOurs, cli, "aws per invocation", ">= 50x faster", (o, r) => r / o);
  } else {
    rows.push({ name: "vs AWS CLI", ours: "", reference: "aws not found on PATH", ratio: "", target: ">= 50x faster" });
  }

  // Generator: the real specs, and 10 / 100 / 1,000 synthetic ones.
  const generatorTimes = (dir) =>
    lastJson(run(process.execPath, ["--import", "tsx", join(root, "scripts", "bench", "generator.mjs"), dir, String(runs)])).times;
  const realSpecs = join(root, "specs");
  const genReal = generatorTimes(realSpecs);
  row("generator: load + generate all real specs (in process)", "ms", genReal, undefined, "", "< 2 s");
  const work = mkdtempSync(join(tmpdir(), "bench-specs-"));
  try {
    const seed = readFileSync(join(realSpecs, "cmdlets", "Get-CGIPUserAttributeVerificationCode.yaml"), "utf8");
    for (const n of [10, 100, 1000]) {
      const dir = join(work, String(n));
      mkdirSync(join(dir, "cmdlets"), { recursive: true });
      cpSync(join(realSpecs, "service.yaml"), join(dir, "service.yaml"));
      for (let i = 0; i < n; i++) {
        const text = seed.replace("noun: UserAttributeVerificationCode", `noun: Synthetic${i}`).replace("operation: GetUserAttributeVerificationCode", `operation: GetSynthetic${i}`);
        writeFileSync(join(dir, "cmdlets", `Get-CGIPSynthetic${i}.yaml`), text);
      }
      const times = generatorTimes(dir);
      row(`generator: ${n} synthetic specs`, "ms", times, undefined, `${fmt(stats(times).median / n)} ms per spec`, "linear");
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // Memory: the bridge's RSS after 100 calls and after many, in a new session each run
  // (one RSS reading varies by several MiB with the moment V8 last collected).
  const growth = [], after100 = [], afterMany = [];
  for (let i = 0; i < runs; i++) {
    const memory = pwshFile("loop.ps1", ["-ModuleManifest", manifest, "-EndpointUrl", responder.url, "-Calls", String(memoryCalls), "-Memory"], "t\n");
    after100.push(memory.after100 / 2 ** 20);
    afterMany.push(memory[`after${memoryCalls}`] / 2 ** 20);
    growth.push(afterMany.at(-1) / after100.at(-1));
  }
  const g = stats(growth);
  rows.push({
    name: `memory: bridge RSS after ${memoryCalls} calls / after 100`,
    ours: `${g.median.toFixed(2)}x (${g.min.toFixed(2)}-${g.max.toFixed(2)}, n=${g.n}); ${stats(afterMany).median.toFixed(1)} MiB`,
    reference: `${stats(after100).median.toFixed(1)} MiB after 100`,
    ratio: `${g.median.toFixed(2)}x`,
    target: "<= 1.2x",
  });
  log(`memory: ${g.median.toFixed(2)}x`);
} finally {
  await responder.close();
  emulator.stop();
}

const machine = `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${run(pwsh, ["-NoProfile", "-Command", "'PowerShell ' + $PSVersionTable.PSVersion"])}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}; ${runs} runs a case, ${calls} calls a run.`,
  "",
  "| case | ours: median (min-max) | reference, same run | ratio | target |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.name} | ${r.ours} | ${r.reference} | ${r.ratio} | ${r.target} |`),
  "",
].join("\n");
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(join(root, "bench-results", "latest.md"), table);
console.log(table);
