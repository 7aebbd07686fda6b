// `npm run build`: assembles a self-contained module folder in dist/<ModuleName>/:
// the generated manifest and root module, the PowerShell runtime, the compiled helpers
// (src/dotnet, built with the .NET SDK), and the bridge with the AWS SDK bundled into one
// file, so the folder works anywhere PowerShell 7.4+ and `node` >= 20 are.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const generatedPs = join(root, "generated", "powershell");
// The module manifest: the .psd1 with a root module of the same name beside it.
const files = readdirSync(generatedPs);
const manifest = files.find((f) => f.endsWith(".psd1") && files.includes(f.replace(/\.psd1$/, ".psm1")));
if (!manifest) throw new Error("generated/powershell has no manifest: run `npm run generate` first");
const moduleName = manifest.replace(/\.psd1$/, "");
const outDir = join(root, "dist", moduleName);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

cpSync(generatedPs, outDir, { recursive: true });
const runtimeDir = join(root, "src", "powershell", "Runtime");
mkdirSync(join(outDir, "Runtime"));
for (const file of readdirSync(runtimeDir)) copyFileSync(join(runtimeDir, file), join(outDir, "Runtime", file));

// The helpers assembly: built into obj/bin under src/dotnet, copied beside the manifest
// (which loads it through RequiredAssemblies).
const dotnetProject = join(root, "src", "dotnet", "CmdletBridge.Runtime.csproj");
const dotnetOut = join(root, "src", "dotnet", "bin", "module");
const dotnet = spawnSync("dotnet", ["build", dotnetProject, "-c", "Release", "-o", dotnetOut, "--nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1", DOTNET_SKIP_FIRST_TIME_EXPERIENCE: "1" },
});
if (dotnet.error) throw new Error(`could not run the .NET SDK (dotnet) to build src/dotnet: ${dotnet.error.message}`);
if (dotnet.status !== 0) throw new Error(`dotnet build of src/dotnet failed (exit code ${dotnet.status})`);
copyFileSync(join(dotnetOut, "CmdletBridge.Runtime.dll"), join(outDir, "CmdletBridge.Runtime.dll"));

await build({
  entryPoints: [join(root, "src", "bridge", "main.ts")],
  outfile: join(outDir, "bridge.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});

console.log(`Built ${outDir}`);
