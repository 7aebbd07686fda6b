// The Node runtime (input mapping, -Select, output types, error mapping) with the
// generated handlers and the real SDK, against a local responder that answers as the
// real service does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binding } from "../../generated/handlers/index.js";
import { Executor } from "../../src/runtime/executor.js";
import type { CallRequest, ErrorReply, SuccessReply } from "../../src/runtime/protocol.js";
// @ts-expect-error: a plain JavaScript helper shared with the PowerShell tests
import { startResponder } from "../support/responder.mjs";

interface Responder {
  url: string;
  requests: { headers: Record<string, string>; body: Record<string, unknown>; requestId: string }[];
  close(): Promise<void>;
}

const NS = "Amazon.CognitoIdentityProvider.Model";
let responder: Responder;
let executor: Executor;
let nextId = 1;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  responder = await startResponder();
  executor = new Executor(binding);
});
afterAll(async () => {
  executor.close();
  await responder.close();
});

function call(params: Record<string, unknown>, select = "CodeDeliveryDetails", extra: Partial<CallRequest> = {}) {
  return executor.execute({ id: nextId++, op: "GetUserAttributeVerificationCode", params, select, region: "us-east-1", endpoint: responder.url, ...extra });
}
async function ok(...args: Parameters<typeof call>): Promise<SuccessReply> {
  const reply = await call(...args);
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply.error)}`);
  return reply;
}
async function failed(...args: Parameters<typeof call>): Promise<ErrorReply> {
  const reply = await call(...args);
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.response)}`);
  return reply;
}

describe("input mapping", () => {
  it("sends bound parameters as the operation's input, unsigned", async () => {
    await ok({ AccessToken: "tok", AttributeName: "email", ClientMetadata: { a: "1", b: "two" } });
    const sent = responder.requests.at(-1)!;
    expect(sent.body).toEqual({ AccessToken: "tok", AttributeName: "email", ClientMetadata: { a: "1", b: "two" } });
    expect(sent.headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode");
    expect(sent.headers.authorization).toBeUndefined();
  });

  it("leaves out parameters that were not bound", async () => {
    await ok({ AccessToken: "tok", AttributeName: "email" });
    expect(Object.keys(responder.requests.at(-1)!.body)).toEqual(["AccessToken", "AttributeName"]);
  });

  it.each([
    [{ a: 1 }, "value for key 'a' is a number"],
    [{ a: { b: "c" } }, "value for key 'a' is an object"],
    [{ a: ["x"] }, "value for key 'a' is an array"],
    [{ a: null }, "value for key 'a' is null"],
    ["text", "-ClientMetadata takes a hashtable, but the value given was a string."],
  ])("refuses ClientMetadata %j before any request", async (metadata, message) => {
    const before = responder.requests.length;
    const reply = await failed({ AccessToken: "tok", AttributeName: "email", ClientMetadata: metadata });
    expect(reply.error.kind).toBe("input");
    expect(reply.error.parameter).toBe("ClientMetadata");
    expect(reply.error.message).toContain(message);
    expect(responder.requests.length).toBe(before);
  });

  it("refuses a non-string where a string goes", async () => {
    const reply = await failed({ AccessToken: ["a", "b"], AttributeName: "email" });
    expect(reply.error).toMatchObject({ kind: "input", parameter: "AccessToken", message: "-AccessToken takes a string, but the value given was an array." });
  });
});

describe("-Select and output types", () => {
  it("resolves the default -Select path and types the response", async () => {
    const reply = await ok({ AccessToken: "tok", AttributeName: "phone_number" });
    expect(reply.path).toEqual(["CodeDeliveryDetails"]);
    expect(reply.response.CodeDeliveryDetails).toEqual({
      "@t": `${NS}.CodeDeliveryDetailsType`,
      AttributeName: "phone_number",
      DeliveryMedium: "SMS",
      Destination: "+*******1234",
    });
  });

  it("gives the whole response for '*', with metadata", async () => {
    const reply = await ok({ AccessToken: "tok", AttributeName: "email" }, "*");
    const requestId = responder.requests.at(-1)!.requestId;
    expect(reply.path).toBeNull();
    expect(reply.response).toMatchObject({
      "@t": `${NS}.GetUserAttributeVerificationCodeResponse`,
      CodeDeliveryDetails: { "@t": `${NS}.CodeDeliveryDetailsType`, AttributeName: "email" },
      ResponseMetadata: { "@t": "Amazon.Runtime.ResponseMetadata", RequestId: requestId },
      HttpStatusCode: { "@t": "System.Net.HttpStatusCode", "@v": 200 },
    });
    expect(reply.response.ContentLength).toBeGreaterThan(0);
    expect(reply.meta).toMatchObject({ requestId, status: 200, endpoint: `${responder.url}/` });
  });

  it("resolves dotted paths case-insensitively to the response's own spelling", async () => {
    expect((await ok({ AccessToken: "t", AttributeName: "email" }, "codedeliverydetails.DESTINATION")).path).toEqual([
      "CodeDeliveryDetails",
      "Destination",
    ]);
    expect((await ok({ AccessToken: "t", AttributeName: "email" }, "responsemetadata.requestid")).path).toEqual([
      "ResponseMetadata",
      "RequestId",
    ]);
  });

  it("keeps an absent member as null, as on a .NET object", async () => {
    expect((await ok({ AccessToken: "empty", AttributeName: "email" })).response.CodeDeliveryDetails).toBeNull();
  });

  it.each(["", "Nope", "CodeDeliveryDetails.Nope", "CodeDeliveryDetails.Destination.Length", "CodeDeliveryDetails..Destination"])(
    "refuses -Select %j before any request",
    async (select) => {
      const before = responder.requests.length;
      const reply = await failed({ AccessToken: "t", AttributeName: "email" }, select);
      expect(reply.error).toEqual({ kind: "select", message: "Invalid value for -Select parameter." });
      expect(responder.requests.length).toBe(before);
    },
  );
});

describe("error mapping", () => {
  it("names a service error after the AWS Tools exception type, keeping message, status and request id", async () => {
    const reply = await failed({ AccessToken: "error:NotAuthorizedException", AttributeName: "email" });
    expect(reply.error).toEqual({
      kind: "service",
      type: `${NS}.NotAuthorizedException`,
      code: "NotAuthorizedException",
      message: "Access Token has been revoked",
      status: 400,
      requestId: responder.requests.at(-1)!.requestId,
    });
  });

  it("retries a server error as the SDK does, then reports it", async () => {
    const before = responder.requests.length;
    const reply = await failed({ AccessToken: "status:503", AttributeName: "email" });
    expect(reply.error).toMatchObject({ kind: "service", type: `${NS}.InternalErrorException`, status: 503 });
    expect(responder.requests.length - before).toBe(3);
  });

  it("respects the number of attempts from the client settings", async () => {
    const before = responder.requests.length;
    await failed({ AccessToken: "status:500", AttributeName: "email" }, "*", { config: { maxAttempts: 1 } });
    expect(responder.requests.length - before).toBe(1);
  });

  it("names the endpoint of a refused connection", async () => {
    const reply = await failed({ AccessToken: "t", AttributeName: "email" }, "*", { endpoint: "http://127.0.0.1:9" });
    expect(reply.error.kind).toBe("network");
    expect(reply.error.message).toContain("http://127.0.0.1:9/");
    expect(reply.error.message).toContain("ECONNREFUSED");
    expect(reply.error.message).not.toMatch(/\n\s+at /);
  });

  it("reports an unknown operation without a stack trace", async () => {
    const reply = await executor.execute({ id: 99, op: "NoSuchOperation", params: {}, select: "*", region: "us-east-1" });
    expect(reply).toMatchObject({ id: 99, ok: false, error: { kind: "internal" } });
    expect((reply as ErrorReply).error.message).not.toMatch(/\n\s+at /);
  });
});

describe("the client cache", () => {
  it("never destroys a client while a call on it is under way, when many others push it out", async () => {
    // A call that the responder never answers, on its own client (maxAttempts 1)...
    const abort = new AbortController();
    let settled = false;
    const pending = executor
      .execute({ id: "hanging", op: "GetUserAttributeVerificationCode", params: { AccessToken: "hang", AttributeName: "email" }, select: "*", region: "us-east-1", endpoint: responder.url, config: { maxAttempts: 1 } }, abort.signal)
      .finally(() => (settled = true));
    // ...then calls on 20 other clients (distinct settings), more than the cache keeps.
    for (let i = 2; i < 22; i++) await ok({ AccessToken: "tok", AttributeName: "email" }, "*", { config: { maxAttempts: i } });
    // The hanging call's client was evicted, but not destroyed: the call is still waiting,
    // and ends as the user's cancel, not as a destroyed socket.
    expect(settled).toBe(false);
    abort.abort();
    const reply = await pending;
    expect(reply).toMatchObject({ ok: false, error: { kind: "cancelled" } });
  });
});
