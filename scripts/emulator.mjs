// Starts cognito-local (a Cognito emulator) on a free 127.0.0.1 port in a temp folder,
// creates a user pool, an app client and confirmed users, and signs them in with
// USER_PASSWORD_AUTH. Used by the demo and the tests. As a command
// (`node emulator.mjs [--users N]`), prints one JSON line describing the running
// emulator (pid, endpoint, folder, pool, client, users with their access tokens) and
// leaves it running: the caller stops it by pid.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const require = createRequire(import.meta.url);

export const PASSWORD = "Passw0rd!Passw0rd";

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cognito-local did not answer on ${url} within ${timeoutMs} ms`);
}

/** Starts the emulator; `detached` leaves it running after this process exits. */
export async function startEmulator({ detached = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cognito-local-"));
  const port = await freePort();
  const startJs = resolve(require.resolve("cognito-local/package.json"), "..", "lib", "bin", "start.js");
  const log = openSync(join(dir, "emulator.log"), "a");
  const child = spawn(process.execPath, [startJs], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log],
    detached,
  });
  if (detached) child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(endpoint, child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    pid: child.pid,
    endpoint,
    dir,
    logFile: join(dir, "emulator.log"),
    stop: () => {
      try {
        process.kill(child.pid);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a pool that verifies email, a client allowing USER_PASSWORD_AUTH, and
 * `count` confirmed, signed-in users (user1@example.com, user2@example.com, ...).
 */
export async function createSignedInUsers(endpoint, count = 1) {
  const client = new CognitoIdentityProviderClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: "demo-pool", AutoVerifiedAttributes: ["email"] }));
    const userPoolId = pool.UserPool.Id;
    const app = await client.send(
      new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "demo-client", ExplicitAuthFlows: ["USER_PASSWORD_AUTH"] }),
    );
    const clientId = app.UserPoolClient.ClientId;
    const users = [];
    for (let i = 1; i <= count; i++) {
      // cognito-local's pools use the email address as the user name by default.
      const email = `user${i}@example.com`;
      await client.send(
        new SignUpCommand({ ClientId: clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: email }] }),
      );
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
      const auth = await client.send(
        new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD } }),
      );
      users.push({ username: email, email, accessToken: auth.AuthenticationResult.AccessToken });
    }
    return { userPoolId, clientId, users };
  } finally {
    client.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const emulator = await startEmulator({ detached: true });
  try {
    const countArg = process.argv.indexOf("--users");
    const user = await createSignedInUsers(emulator.endpoint, countArg > 0 ? Number(process.argv[countArg + 1]) : 1);
    process.stdout.write(
      `${JSON.stringify({ pid: emulator.pid, endpoint: emulator.endpoint, dir: emulator.dir, logFile: emulator.logFile, ...user })}\n`,
    );
  } catch (error) {
    emulator.stop();
    process.stderr.write(`could not prepare cognito-local: ${error.message}\n`);
    process.exit(1);
  }
}
