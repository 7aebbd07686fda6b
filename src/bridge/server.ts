// The long-lived bridge: reads call requests from stdin, one JSON object per line,
// and answers each on stdout with the same id. stdout carries protocol messages only:
// anything else that writes to it (the SDK, a handler, console.log) is sent to stderr.
import { createInterface } from "node:readline";
import { runCommand } from "../runtime/commands.js";
import { applyEnvironment } from "../runtime/env.js";
import { Executor } from "../runtime/executor.js";
import { PROTOCOL_VERSION, type CallRequest, type CancelRequest, type CommandRequest, type EnvMessage, type Reply, type RequestId } from "../runtime/protocol.js";
import type { ServiceBinding } from "../runtime/service.js";

type Write = (chunk: string) => boolean;

/** Takes over stdout for the protocol; returns the only writer that reaches it. */
export function claimStdout(): Write {
  const stdout = process.stdout;
  const protocolWrite = stdout.write.bind(stdout) as Write;
  const toStderr = process.stderr.write.bind(process.stderr);
  stdout.write = toStderr as typeof stdout.write;
  return protocolWrite;
}

export function runBridge(binding: ServiceBinding, write: Write): void {
  const executor = new Executor(binding);
  const inFlight = new Map<RequestId, AbortController>();
  const send = (message: object) => write(`${JSON.stringify(message)}\n`);

  send({ hello: { protocol: PROTOCOL_VERSION, node: process.versions.node, pid: process.pid } });

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  let answered = false;
  lines.on("line", (raw) => {
    // Windows PowerShell may put a byte order mark before the first byte it writes.
    const line = first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    first = false;
    if (line.trim() === "") return;

    let message: CallRequest | CancelRequest | CommandRequest | EnvMessage;
    try {
      message = JSON.parse(line) as CallRequest | CancelRequest | CommandRequest | EnvMessage;
    } catch {
      // Answer under the request's id when it can still be read, so its caller is not left waiting.
      const match = /^\s*\{\s*"id"\s*:\s*(?:"([^"\\]*)"|(\d+))/.exec(line);
      const id = match ? (match[1] ?? Number(match[2])) : null;
      send({ id, ok: false, error: { kind: "protocol", message: "The bridge received a request it could not parse." } });
      return;
    }
    if ("cancel" in message) {
      inFlight.get(message.cancel)?.abort();
      return;
    }
    // Applied before the next line is read: every later request sees it.
    if ("env" in message) {
      if (message.env && typeof message.env === "object") applyEnvironment(message.env);
      return;
    }
    const id = message.id;
    const controller = new AbortController();
    inFlight.set(id, controller);
    const work = "command" in message ? runCommand(message, binding) : executor.execute(message, controller.signal);
    work
      .then((reply: Reply) => {
        send(reply);
        if (!answered) {
          answered = true;
          // For the loader (bridge.cjs), which then saves V8's code cache.
          (process as NodeJS.EventEmitter).emit("bridge:first-reply");
        }
      })
      .finally(() => inFlight.delete(id));
  });

  // The parent closing our stdin (or dying) is the signal to go.
  lines.on("close", () => {
    executor.close();
    process.exit(0);
  });
}
