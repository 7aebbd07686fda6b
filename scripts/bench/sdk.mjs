// The reference: the same calls made directly with the AWS SDK and one client.
// Usage: node sdk.mjs <endpoint> <calls>   (the access token on stdin)
// Prints {"totalMs":..} for <calls> calls after one warm-up; with calls = 0, makes one
// call from a cold start and prints nothing (for the one-shot case).
import { CognitoIdentityProviderClient, GetUserAttributeVerificationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import { readFileSync } from "node:fs";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const [endpoint, callsArg] = process.argv.slice(2);
const calls = Number(callsArg);
const token = readFileSync(0, "utf8").trim();
const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint });
const send = () => client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "email" }));
await send();
if (calls > 0) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await send();
  process.stdout.write(`${JSON.stringify({ totalMs: performance.now() - start })}\n`);
}
client.destroy();
