// A small HTTP server that answers Cognito Identity Provider requests the way the real
// service does (cognito-local leaves out CodeDeliveryDetails). What it answers is
// chosen by the request's AccessToken, so each test call can ask for its own case:
//   "error:<ExceptionName>"   the service error of that name (HTTP 400)
//   "status:<code>"           an InternalErrorException with that HTTP status
//   "empty"                   a success with no CodeDeliveryDetails
//   "hang"                    no answer at all (the connection stays open)
//   "garbage"                 HTTP 200 with a body that is not JSON
//   "truncated"               HTTP 200 whose body stops short of its Content-Length
//   "big:<n>"                 a Destination of n characters (mixed ASCII and non-ASCII)
//   "unicode"                 every field of the answer in non-ASCII text
//   "echo-attribute"          AttributeName and Destination both echo the requested AttributeName
//   anything else             a success delivering to the requested attribute
// ListUsers requests (which cognito-local answers in one page) are paged by UserPoolId:
//   "pages:<n>:<size>"        n pages of <size> users each, linked by PaginationToken
//   "loop"                    a page whose PaginationToken is always the one asked for
// GET /__requests returns every request received (headers, body, the request id
// answered, and whether the client gave up before an answer), for assertions;
// /__requests/count and /__requests/<index> return less.
// Used in-process by vitest and as a child process (`node responder.mjs`) by Pester,
// which reads {"port":N,"pid":N} from its first line of output.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

const MESSAGES = {
  NotAuthorizedException: "Access Token has been revoked",
  InvalidParameterException: "1 validation error detected: Value at 'accessToken' failed to satisfy constraint",
  CodeDeliveryFailureException: "Unable to deliver the verification code",
  LimitExceededException: "Attempt limit exceeded, please try after some time.",
  TooManyRequestsException: "Rate exceeded",
  UserNotFoundException: "User does not exist.",
  UserNotConfirmedException: "User is not confirmed.",
  PasswordResetRequiredException: "Password reset required for the user",
  ResourceNotFoundException: "User pool client does not exist.",
  ForbiddenException: "Request not allowed by the web application firewall.",
  InternalErrorException: "An internal error occurred.",
};

/** Non-ASCII text in every field: accents, CJK, right-to-left, combining marks, emoji. */
export const UNICODE_DETAILS = {
  AttributeName: "custom:prénom_名前",
  DeliveryMedium: "ÉMAIL✉",
  Destination: "ü***@مثال.例え.jp 🔑 a\u0301",
};

/** n characters cycling through ASCII, Greek, CJK and an emoji (a surrogate pair counts as 2). */
export function bigText(n) {
  const unit = "abcXYZ019αβγ漢字🙂";
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n).replace(/[\ud800-\udbff]$/, "a");
}

export function deliveryFor(attributeName) {
  return attributeName === "phone_number"
    ? { AttributeName: "phone_number", DeliveryMedium: "SMS", Destination: "+*******1234" }
    : { AttributeName: attributeName, DeliveryMedium: "EMAIL", Destination: "a***@e***" };
}

/** One page of ListUsers, as the service pages it. */
export function listUsersPage(body) {
  const pool = String(body.UserPoolId ?? "");
  // "<name>:<pages>:<size>[:<attributes>]": with a fourth part, each user has that many
  // attributes and the two dates, as real listings do (used by the bench's large replies).
  const [, pages = "1", size = "1", attributes] = pool.split(":");
  const user = (name) =>
    attributes === undefined
      ? { Username: name, Attributes: [{ Name: "email", Value: `${name}@example.com` }], Enabled: true, UserStatus: "CONFIRMED" }
      : {
          Username: name,
          Attributes: Array.from({ length: Number(attributes) }, (_, k) => ({ Name: k === 0 ? "email" : `custom:attribute${k}`, Value: `${name}-value-${k}` })),
          UserCreateDate: 1767225600,
          UserLastModifiedDate: 1767225660,
          Enabled: true,
          UserStatus: "CONFIRMED",
        };
  if (pool === "loop") return { Users: [user("looping")], PaginationToken: body.PaginationToken ?? "same" };
  const page = body.PaginationToken ? Number(String(body.PaginationToken).replace("page:", "")) : 1;
  const users = Array.from({ length: Number(size) }, (_, i) => user(`user-${page}-${i + 1}`));
  return page < Number(pages) ? { Users: users, PaginationToken: `page:${page + 1}` } : { Users: users };
}

export function startResponder({ port = 0 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "GET" && req.url.startsWith("/__requests")) {
        // /__requests: all; /__requests/count: how many; /__requests/<i>: one (negative: from the end).
        const which = req.url.slice("/__requests".length).replace(/^\//, "");
        const payload = which === "" ? requests : which === "count" ? { count: requests.length } : requests.at(Number(which)) ?? null;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      let body = {};
      try {
        body = JSON.parse(text || "{}");
      } catch {
        body = {};
      }
      const requestId = randomUUID();
      const record = { method: req.method, url: req.url, headers: req.headers, body, requestId, aborted: false };
      // The token's UTF-16 code units, so a test can compare strings that JSON readers
      // would alter (a lone surrogate becomes U+FFFD in .NET's).
      if (typeof body.AccessToken === "string" && body.AccessToken.length <= 256) {
        record.tokenCodeUnits = [...Array(body.AccessToken.length).keys()].map((i) => body.AccessToken.charCodeAt(i)).join(",");
      }
      requests.push(record);
      // A client that gives up (a timeout, a cancelled call) closes the connection unanswered.
      res.on("close", () => {
        if (!res.writableFinished) record.aborted = true;
      });
      const send = (status, payload, extra = {}) => {
        const data = JSON.stringify(payload);
        res.writeHead(status, {
          "content-type": "application/x-amz-json-1.1",
          "content-length": Buffer.byteLength(data),
          "x-amzn-requestid": requestId,
          ...extra,
        });
        res.end(data);
      };
      if (String(req.headers["x-amz-target"] ?? "").endsWith(".ListUsers")) {
        send(200, listUsersPage(body));
        return;
      }
      const token = String(body.AccessToken ?? "");
      if (token.startsWith("error:")) {
        const name = token.slice(6);
        send(400, { __type: name, message: MESSAGES[name] ?? `${name} raised by the test responder` }, { "x-amzn-errortype": `${name}:` });
      } else if (token.startsWith("status:")) {
        const status = Number(token.slice(7));
        send(status, { __type: "InternalErrorException", message: MESSAGES.InternalErrorException });
      } else if (token === "garbage") {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId });
        res.end("<html>this is not JSON</html>");
      } else if (token === "truncated") {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": 200, "x-amzn-requestid": requestId });
        res.write('{"CodeDeliveryDetails":{"Attri');
        setTimeout(() => res.destroy(), 20);
      } else if (token.startsWith("big:")) {
        send(200, { CodeDeliveryDetails: { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: bigText(Number(token.slice(4))) } });
      } else if (token === "unicode") {
        send(200, { CodeDeliveryDetails: UNICODE_DETAILS });
      } else if (token === "echo-attribute") {
        send(200, { CodeDeliveryDetails: { AttributeName: body.AttributeName, DeliveryMedium: "EMAIL", Destination: body.AttributeName } });
      } else if (token === "hang") {
        // Never answer; closeAllConnections() ends it when the responder closes.
      } else if (token === "empty") {
        send(200, {});
      } else {
        send(200, { CodeDeliveryDetails: deliveryFor(body.AttributeName) });
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve({
        port: server.address().port,
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const responder = await startResponder();
  process.stdout.write(`${JSON.stringify({ port: responder.port, pid: process.pid })}\n`);
  // Stop when the parent closes our stdin, so a crashed test run leaves nothing behind.
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
}
