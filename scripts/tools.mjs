// Finds or installs what the tests and the demo need besides npm packages:
// PowerShell 7 (a `pwsh` on PATH, else the version pinned in .config/dotnet-tools.json)
// and the Pester module (pinned in tools/pester/pester.csproj). Uses Node built-ins only,
// so it runs on a fresh clone before `npm ci`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");
const MIN_PWSH = [7, 4];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", ...options });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function versionAtLeast(text, [major, minor]) {
  const m = /(\d+)\.(\d+)/.exec(text ?? "");
  return !!m && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
}

let pwshPath;

/** Absolute path of a pwsh to run: PSCGIP_PWSH, else pwsh on PATH (7.4+), else the pinned dotnet tool. */
export function findPwsh(options = {}) {
  pwshPath ??= locatePwsh(options);
  return pwshPath;
}

function locatePwsh({ log = console.error } = {}) {
  if (process.env.PSCGIP_PWSH) return process.env.PSCGIP_PWSH;
  const onPath = run("pwsh", ["-NoProfile", "-NonInteractive", "-Command", "[Environment]::ProcessPath; $PSVersionTable.PSVersion.ToString()"]);
  if (onPath) {
    const [path, version] = onPath.split(/\r?\n/);
    if (versionAtLeast(version, MIN_PWSH)) return path;
    log(`pwsh ${version} on PATH is older than ${MIN_PWSH.join(".")}; using the pinned PowerShell instead.`);
  }
  const pinned = JSON.parse(readFileSync(join(root, ".config", "dotnet-tools.json"), "utf8")).tools.powershell.version;
  log(`Restoring PowerShell ${pinned} (dotnet tool restore)...`);
  execFileSync("dotnet", ["tool", "restore"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const home = run("dotnet", ["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME"]);
  if (!home) throw new Error("PowerShell was restored but `dotnet tool run pwsh` failed");
  const exe = join(home, process.platform === "win32" ? "pwsh.exe" : "pwsh");
  if (!existsSync(exe)) throw new Error(`no pwsh executable in ${home}`);
  return exe;
}

/** Path of Pester.psd1, restored from the NuGet feed on first use. */
export function findPester({ log = console.error } = {}) {
  const project = readFileSync(join(root, "tools", "pester", "pester.csproj"), "utf8");
  const version = /Include="Pester" Version="\[([^\]]+)\]"/.exec(project)[1];
  const packages = join(root, ".tools", "packages");
  const manifest = join(packages, "pester", version, "tools", "Pester.psd1");
  const sdkCore = /Include="AWSSDK.Core" Version="\[([^\]]+)\]"/.exec(project)[1];
  if (!existsSync(manifest) || !existsSync(join(packages, "awssdk.core", sdkCore))) {
    log(`Restoring Pester ${version} and AWSSDK.Core ${sdkCore}...`);
    execFileSync("dotnet", ["restore", join("tools", "pester", "pester.csproj"), "--packages", packages], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  if (!existsSync(manifest)) throw new Error(`Pester ${version} was not restored to ${manifest}`);
  return manifest;
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules({ log = console.error } = {}) {
  const marker = join(root, "node_modules", ".package-lock.json");
  const lock = join(root, "package-lock.json");
  const fresh = existsSync(marker) && readFileSync(marker, "utf8").length > 0 && statMtime(marker) >= statMtime(lock);
  if (fresh) return;
  log("Installing npm packages (npm ci)...");
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    shell: process.platform === "win32",
  });
}

function statMtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}
