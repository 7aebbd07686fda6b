// A small HTTP server that answers Cognito Identity Provider requests the way the real
// service does (cognito-local leaves out CodeDeliveryDetails). What it answers is
// chosen by the request's AccessToken, so each test call can ask for its own case:
//   "error:<ExceptionName>"   the service error of that name (HTTP 400)
//   "status:<code>"           an InternalErrorException with that HTTP status
//   "empty"                   a success with no CodeDeliveryDetails
//   "hang"                    no answer at all (the connection stays open)
//   anything else             a success delivering to the requested attribute
// GET /__requests returns every request received (headers, body, the request id
// answered, and whether the client gave up before an answer), for assertions.
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

export function deliveryFor(attributeName) {
  return attributeName === "phone_number"
    ? { AttributeName: "phone_number", DeliveryMedium: "SMS", Destination: "+*******1234" }
    : { AttributeName: attributeName, DeliveryMedium: "EMAIL", Destination: "a***@e***" };
}

export function startResponder({ port = 0 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/__requests") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(requests));
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
      const token = String(body.AccessToken ?? "");
      if (token.startsWith("error:")) {
        const name = token.slice(6);
        send(400, { __type: name, message: MESSAGES[name] ?? `${name} raised by the test responder` }, { "x-amzn-errortype": `${name}:` });
      } else if (token.startsWith("status:")) {
        const status = Number(token.slice(7));
        send(status, { __type: "InternalErrorException", message: MESSAGES.InternalErrorException });
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
