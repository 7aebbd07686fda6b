// `npm run demo`: real calls pwsh -> node -> cognito-local. Starts the emulator, makes
// a user and signs in, then runs a script written as AWS Tools users write them
// (scripts/demo.ps1): Set-AWSCredential -StoreAs and Initialize-AWSDefaultConfiguration,
// then cmdlets with no credential, region or endpoint parameters. The endpoint comes from
// AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, and the profiles go to the emulator's folder,
// never to the user's ~/.aws.
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
  const env = { ...process.env, NO_COLOR: "1" };
  for (const name of Object.keys(env)) if (/^AWS_/.test(name) || /_proxy$/i.test(name)) delete env[name];
  Object.assign(env, {
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.endpoint,
    AWS_SHARED_CREDENTIALS_FILE: join(emulator.dir, "aws", "credentials"),
    AWS_CONFIG_FILE: join(emulator.dir, "aws", "config"),
    AWS_EC2_METADATA_DISABLED: "true",
  });
  const run = spawnSync(pwsh, ["-NoProfile", "-NonInteractive", "-File", join(root, "scripts", "demo.ps1"), "-ModuleManifest", manifest, "-EmulatorDir", emulator.dir], {
    cwd: root,
    input: `${user.accessToken}\n`,
    stdio: ["pipe", "inherit", "inherit"],
    env,
  });
  if (run.status !== 0) throw new Error(`pwsh exited with code ${run.status}`);

} finally {
  emulator.stop();
}
