// Entry point of the bundled bridge. Checks the Node.js version before anything heavy
// loads, so that an old Node gives one clear message instead of a syntax or API error.
import { claimStdout, runBridge } from "./server.js";

const MINIMUM_NODE_MAJOR = 20;

const write = claimStdout();
// The SDK warns on stderr about Node versions nearing end of support; it is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const major = Number(process.versions.node.split(".")[0]);
if (!(major >= MINIMUM_NODE_MAJOR)) {
  write(
    `${JSON.stringify({ fatal: { message: `Node.js ${MINIMUM_NODE_MAJOR} or later is required, but ${process.execPath} is v${process.versions.node}.` } })}\n`,
  );
  process.exitCode = 1;
} else {
  process.on("uncaughtException", (error) => {
    process.stderr.write(`bridge: unexpected error: ${error?.stack ?? error}\n`);
  });
  // Loaded only now: the SDK is most of the bundle and the version check must come first.
  void import("../../generated/handlers/index.js").then(({ binding }) => runBridge(binding, write));
}
