// `npm run demo`: real calls pwsh -> node -> cognito-local. Starts the emulator, makes
// a user and signs in, then in pwsh (scripts/demo.ps1) calls
// Get-CGIPUserAttributeVerificationCode from the built module, verifies the user's email
// with the code the emulator delivered (Test-CGIPUserAttribute), and lists the pool's
// users with a signed cmdlet.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureNodeModules, findPwsh, root } from "./tools.mjs";

ensureNodeModules();
const pwsh = findPwsh();
const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startEmulator, createSignedInUsers } = await import("./emulator.mjs");

const emulator = await startEmulator();
try {
  const { userPoolId, users } = await createSignedInUsers(emulator.endpoint, 1);
  const [user] = users;
  console.log(`cognito-local is running at ${emulator.endpoint} (pid ${emulator.pid}, data in ${emulator.dir})`);
  console.log(`User ${user.email} signed in with USER_PASSWORD_AUTH in pool ${userPoolId}.\n`);

  const manifest = join(root, "dist", "PSCognitoIdentityProvider", "PSCognitoIdentityProvider.psd1");
  const run = spawnSync(pwsh, ["-NoProfile", "-NonInteractive", "-File", join(root, "scripts", "demo.ps1"), "-ModuleManifest", manifest, "-EndpointUrl", emulator.endpoint, "-EmulatorDir", emulator.dir, "-UserPoolId", userPoolId], {
    cwd: root,
    input: `${user.accessToken}\n`,
    stdio: ["pipe", "inherit", "inherit"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (run.status !== 0) throw new Error(`pwsh exited with code ${run.status}`);

} finally {
  emulator.stop();
}
