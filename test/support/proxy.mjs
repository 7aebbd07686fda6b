// A small forward proxy on 127.0.0.1 for the tests: plain HTTP requests in absolute form are
// forwarded, CONNECT requests are tunnelled, and each is recorded (method, target, and the
// Proxy-Authorization header it carried). With `--auth user:password` it answers 407 to any
// request without those Basic credentials. GET /__proxy/requests (in origin form, to the
// proxy itself) returns what it recorded.
// Run as a child process (`node proxy.mjs [--auth user:password]`): it prints
// {"port":N,"pid":N} on its first line and stops when its stdin closes.
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";

const authIndex = process.argv.indexOf("--auth");
const expected = authIndex > 0 ? `Basic ${Buffer.from(process.argv[authIndex + 1]).toString("base64")}` : undefined;
const requests = [];

function authorised(req) {
  const given = req.headers["proxy-authorization"];
  requests.push({ method: req.method, target: req.url, proxyAuthorization: given ?? null });
  return !expected || given === expected;
}

const server = createServer((req, res) => {
  if (req.url === "/__proxy/requests") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(requests));
    return;
  }
  if (!authorised(req)) {
    res.writeHead(407, { "proxy-authenticate": 'Basic realm="test"' });
    res.end();
    return;
  }
  const target = new URL(req.url);
  const headers = { ...req.headers };
  delete headers["proxy-authorization"];
  delete headers["proxy-connection"];
  const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});

server.on("connect", (req, socket, head) => {
  if (!authorised(req)) {
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
    return;
  }
  const [host, port] = req.url.split(":");
  const upstream = connect(Number(port), host, () => {
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port, pid: process.pid })}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
