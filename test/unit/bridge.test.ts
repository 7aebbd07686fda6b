// The bridge process and its protocol: one JSON message per line on stdin/stdout,
// replies matched by id, stdout kept clean, cancellation, and exit when stdin closes.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { execa } from "execa";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript helper shared with the PowerShell tests
import { startResponder } from "../support/responder.mjs";

const root = resolve(import.meta.dirname, "../..");
const main = resolve(root, "src", "bridge", "main.ts");
let responder: { url: string; close(): Promise<void> };
beforeAll(async () => {
  responder = await startResponder();
});
afterAll(() => responder.close());

interface Bridge {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<Record<string, any>>;
  send(message: object | string): void;
}

const bridges: Bridge[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.child.kill();
});

function startBridge(): Bridge {
  const child = spawn(process.execPath, ["--import", "tsx", main], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const bridge: Bridge = {
    child,
    next: () =>
      new Promise((resolveLine) => {
        const line = lines.shift();
        if (line !== undefined) resolveLine(JSON.parse(line));
        else waiters.push((l) => resolveLine(JSON.parse(l)));
      }),
    send: (message) => child.stdin.write(`${typeof message === "string" ? message : JSON.stringify(message)}\n`),
  };
  bridges.push(bridge);
  return bridge;
}

const request = (id: number, token: string, extra: object = {}) => ({
  id,
  op: "GetUserAttributeVerificationCode",
  params: { AccessToken: token, AttributeName: "email" },
  select: "CodeDeliveryDetails.Destination",
  region: "us-east-1",
  endpoint: responder.url,
  ...extra,
});

describe("the bridge process", () => {
  it("says hello first, then answers each request under its own id", async () => {
    const bridge = startBridge();
    const hello = await bridge.next();
    expect(hello.hello).toMatchObject({ protocol: 1, pid: bridge.child.pid });
    bridge.send(request(1, "a"));
    bridge.send(request(2, "error:UserNotFoundException"));
    bridge.send(request(3, "b"));
    const replies = [await bridge.next(), await bridge.next(), await bridge.next()].sort((x, y) => x.id - y.id);
    expect(replies.map((r) => [r.id, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(replies[0]!.response.CodeDeliveryDetails.Destination).toBe("a***@e***");
    expect(replies[1]!.error.code).toBe("UserNotFoundException");
  });

  it("ignores a byte order mark before the first request", async () => {
    const bridge = startBridge();
    await bridge.next();
    bridge.send(`\uFEFF${JSON.stringify(request(7, "a"))}`);
    expect(await bridge.next()).toMatchObject({ id: 7, ok: true });
  });

  it("answers a line it cannot parse with a protocol error, and keeps serving", async () => {
    const bridge = startBridge();
    await bridge.next();
    bridge.send('{"id": 5, "op": ');
    expect(await bridge.next()).toEqual({ id: 5, ok: false, error: { kind: "protocol", message: "The bridge received a request it could not parse." } });
    bridge.send(request(6, "a"));
    expect(await bridge.next()).toMatchObject({ id: 6, ok: true });
  });

  it("cancels a call that has not been answered", async () => {
    const bridge = startBridge();
    await bridge.next();
    bridge.send(request(8, "hang"));
    await new Promise((r) => setTimeout(r, 200));
    bridge.send({ id: 0, cancel: 8 });
    expect(await bridge.next()).toMatchObject({ id: 8, ok: false, error: { kind: "cancelled" } });
    bridge.send(request(9, "a"));
    expect(await bridge.next()).toMatchObject({ id: 9, ok: true });
  });

  it("exits when its stdin closes", async () => {
    const bridge = startBridge();
    await bridge.next();
    const exited = new Promise<number | null>((r) => bridge.child.on("exit", (code) => r(code)));
    bridge.child.stdin.end();
    expect(await exited).toBe(0);
  });
});

describe("the protocol stream", () => {
  it("carries nothing but protocol messages: console output and stray writes go to stderr", async () => {
    const script = `
      import { claimStdout } from ${JSON.stringify(resolve(root, "src", "bridge", "server.ts"))};
      const write = claimStdout();
      console.log("console.log noise");
      console.warn("console.warn noise");
      process.stdout.write("a stray write\\n");
      write('{"hello":1}\\n');
    `;
    const result = await execa(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    expect(result.stdout).toBe('{"hello":1}');
    expect(result.stderr).toContain("console.log noise");
    expect(result.stderr).toContain("a stray write");
  });
});
