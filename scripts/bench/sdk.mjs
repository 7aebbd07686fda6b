// The reference: the same calls made directly with the AWS SDK and one client.
// Usage: node sdk.mjs <endpoint> <calls>   (the access token on stdin)
// Prints {"firstMs":..,"totalMs":..}: <calls> calls after one warm-up call, then twice
// <calls> more (the last round is the warm figure); with calls = 0, makes one
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
  // Three rounds, as loop.ps1 does: right after the first call, then two more (the last is the warm one).
  const times = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await send();
    times.push(performance.now() - start);
  }
  process.stdout.write(`${JSON.stringify({ firstMs: times[0], totalMs: times[2] })}\n`);
}
client.destroy();
