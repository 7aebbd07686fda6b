// `npm run build`: assembles a self-contained module folder in dist/<ModuleName>/:
// the generated manifest and root module, the PowerShell runtime, and the bridge with
// the AWS SDK bundled into one file, so the folder works anywhere `node` >= 20 is on PATH.
import { build } from "esbuild";
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
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
const runtimeDir = join(root, "src", "powershell", "Runtime");
mkdirSync(join(outDir, "Runtime"));
for (const file of readdirSync(runtimeDir)) copyFileSync(join(runtimeDir, file), join(outDir, "Runtime", file));

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
