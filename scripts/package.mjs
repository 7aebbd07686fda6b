// `npm run package`: builds the module and writes dist/<ModuleName>.<version>.nupkg, the
// package Publish-PSResource would publish (made by PSResourceGet's Compress-PSResource,
// which is Publish-PSResource's packing step), ready for Publish-PSResource -NupkgPath or a
// file-system repository. Version, release notes and links come from the manifest, which the
// generator writes from specs/service.yaml.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { findPwsh, root } from "./tools.mjs";

const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status || 1);

const dist = join(root, "dist");
const moduleName = readdirSync(dist, { withFileTypes: true }).find((e) => e.isDirectory())?.name;
if (!moduleName) throw new Error("dist/ has no module folder after the build");
for (const old of readdirSync(dist).filter((f) => f.endsWith(".nupkg"))) rmSync(join(dist, old));

const pack = spawnSync(findPwsh(), ["-NoProfile", "-NonInteractive", "-File", join(root, "scripts", "package.ps1"), "-ModulePath", join(dist, moduleName), "-DestinationPath", dist], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
const nupkg = (pack.stdout ?? "").trim().split(/\r?\n/).pop() ?? "";
if (pack.status !== 0 || !existsSync(nupkg)) {
  if (pack.error) console.error(`could not run pwsh: ${pack.error.message}`);
  console.error(pack.stdout ?? "");
  console.error("Compress-PSResource did not write the package.");
  process.exit(pack.status || 1);
}
console.log(`Packaged ${nupkg}`);
