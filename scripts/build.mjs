// `npm run build`: assembles a self-contained module folder in dist/<ModuleName>/:
// the generated manifest, script module (the cmdlets), data file, help and format views, the
// module's assemblies (the runtime and session commands in src/dotnet, and the service's
// model types in src/model with generated/dotnet, built with the .NET SDK),
// and the bridge with the AWS SDK bundled into one file, so the folder works anywhere
// PowerShell 7.4+ and `node` >= 20 are.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const generatedPs = join(root, "generated", "powershell");
const manifest = readdirSync(generatedPs).find((f) => f.endsWith(".psd1"));
if (!manifest) throw new Error("generated/powershell has no manifest: run `npm run generate` first");
const moduleName = manifest.replace(/\.psd1$/, "");
const outDir = join(root, "dist", moduleName);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

cpSync(generatedPs, outDir, { recursive: true });

// The module's assemblies: the runtime (src/dotnet) and the service's model types
// (src/model with generated/dotnet), each built under build/dotnet (src/Directory.Build.props
// keeps dotnet's obj and bin out of src/) and copied beside the manifest.
function buildAssembly(folder, project, assemblyName) {
  const out = join(root, "build", "dotnet", "module", folder);
  const args = ["build", join(root, "src", folder, project), "-c", "Release", "-o", out, `-p:ModuleName=${moduleName}`, "--nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary"];
  const dotnet = spawnSync("dotnet", args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1", DOTNET_SKIP_FIRST_TIME_EXPERIENCE: "1" },
  });
  if (dotnet.error) throw new Error(`could not run the .NET SDK (dotnet) to build src/${folder}: ${dotnet.error.message}`);
  if (dotnet.status !== 0) throw new Error(`dotnet build of src/${folder} failed (exit code ${dotnet.status})`);
  copyFileSync(join(out, `${assemblyName}.dll`), join(outDir, `${assemblyName}.dll`));
}
buildAssembly("model", "Model.csproj", `${moduleName}.Model`);
buildAssembly("dotnet", "Module.csproj", moduleName);

await build({
  entryPoints: [join(root, "src", "bridge", "main.ts")],
  outfile: join(outDir, "bridge.bundle.cjs"),
  bundle: true,
  platform: "node",
  // The SDK's ES module builds: esbuild then hoists them into one scope. With the CommonJS
  // builds, every module that imports the SDK client copied its thousand exports at start-up.
  mainFields: ["module", "main"],
  // import() of Node's built-ins becomes require(): the loader runs the bundle as a
  // vm.Script (for its code cache), which has no loader for dynamic imports.
  supported: { "dynamic-import": false },
  target: "node20",
  format: "cjs",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});

// The entry point PowerShell starts: it runs the bundle through V8's code cache.
copyFileSync(join(root, "src", "bridge", "loader.cjs"), join(outDir, "bridge.cjs"));
if (/\bimport\(/.test(readFileSync(join(outDir, "bridge.bundle.cjs"), "utf8"))) {
  throw new Error("the bridge bundle still has a dynamic import(), which the loader's vm.Script cannot run");
}

// The licence travels with the module, into its package too.
copyFileSync(join(root, "LICENSE"), join(outDir, "LICENSE"));

console.log(`Built ${outDir}`);
