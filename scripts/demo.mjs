// `npm run demo`: a real call pwsh -> node -> cognito-local. Starts the emulator, makes
// a user and signs in, calls Get-CGIPUserAttributeVerificationCode from the built
// module in pwsh, then shows the code the emulator delivered and proves it by
// verifying the user's email with it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureNodeModules, findPwsh, root } from "./tools.mjs";

ensureNodeModules();
const pwsh = findPwsh();
const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startEmulator, createSignedInUsers, readVerificationCode } = await import("./emulator.mjs");
const { CognitoIdentityProviderClient, VerifyUserAttributeCommand, GetUserCommand } = await import("@aws-sdk/client-cognito-identity-provider");

const emulator = await startEmulator();
try {
  const { userPoolId, users } = await createSignedInUsers(emulator.endpoint, 1);
  const [user] = users;
  console.log(`cognito-local is running at ${emulator.endpoint} (pid ${emulator.pid}, data in ${emulator.dir})`);
  console.log(`User ${user.email} signed in with USER_PASSWORD_AUTH in pool ${userPoolId}.\n`);

  const manifest = join(root, "dist", "PSCognitoIdentityProvider", "PSCognitoIdentityProvider.psd1");
  const run = spawnSync(pwsh, ["-NoProfile", "-NonInteractive", "-File", join(root, "scripts", "demo.ps1"), "-ModuleManifest", manifest, "-EndpointUrl", emulator.endpoint], {
    cwd: root,
    input: `${user.accessToken}\n`,
    stdio: ["pipe", "inherit", "inherit"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (run.status !== 0) throw new Error(`pwsh exited with code ${run.status}`);

  const code = readVerificationCode(emulator.dir, userPoolId, user.email);
  console.log(`\nThe emulator delivered verification code ${code} to ${user.email}.`);
  const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: emulator.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: "email", Code: code }));
  const me = await client.send(new GetUserCommand({ AccessToken: user.accessToken }));
  const verified = me.UserAttributes.find((a) => a.Name === "email_verified")?.Value;
  console.log(`VerifyUserAttribute accepted it: email_verified = ${verified}.`);
  client.destroy();
} finally {
  emulator.stop();
}
