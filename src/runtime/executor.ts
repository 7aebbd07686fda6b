// Runs one call request: validates -Select, maps the input, sends the command through
// a cached client, and shapes the reply. Never throws: every failure becomes an ErrorReply.
import { instrumentClient, withCallFacts, type CallFacts } from "./call-context.js";
import { classifyError, SelectError } from "./errors.js";
import { OutputShaper } from "./output.js";
import type { CallRequest, ProxySettings, Reply } from "./protocol.js";
import { configuredEndpoint } from "./endpoint.js";
import { proxyCacheKey, proxyConfigured } from "./proxy.js";
import { resolveRegion } from "./region.js";
import { chooseCredentials, type CredentialChoice } from "./credentials.js";
import type { ClientOptions, SdkClient, ServiceBinding } from "./service.js";
import { resolveSelectPath } from "./shapes.js";

const MAX_CLIENTS = 16;
const INVALID_SELECT = "Invalid value for -Select parameter.";

export class Executor {
  /** Most recently used last. */
  private readonly clients = new Map<string, SdkClient>();
  /** Calls under way per client: an evicted client is destroyed only once it has none. */
  private readonly inFlight = new Map<SdkClient, number>();
  private readonly retired = new Set<SdkClient>();
  private readonly shapers = new Map<string, OutputShaper>();

  constructor(private readonly service: ServiceBinding) {}

  async execute(request: CallRequest, signal?: AbortSignal): Promise<Reply> {
    let region = typeof request.region === "string" ? request.region : "";
    let endpoint: string | undefined = request.endpoint ?? undefined;
    try {
      const handler = this.service.handlers[request.op];
      if (!handler) throw new Error(`this module has no operation named '${request.op}'`);
      const shaper = this.shaperFor(request.op);
      const selection = resolveSelectPath(shaper.allShapes, handler.output.type, String(request.select ?? ""));
      if (!selection.ok) throw new SelectError(INVALID_SELECT);

      // An anonymous cmdlet sends a profile only when it has credential parameters: for its region.
      const resolved = await resolveRegion(request);
      region = resolved.region;
      const input = handler.buildInput(request.params ?? {});
      const command = handler.createCommand(input);
      const facts: CallFacts = signal ? { signal } : {};

      // -EndpointUrl, else the configured endpoint, read now: the session may have set
      // AWS_ENDPOINT_URL or edited a profile since the last call.
      if (!endpoint) {
        const profile = request.profile || process.env.AWS_PROFILE || "default";
        endpoint = (await configuredEndpoint(this.service.serviceId, profile, request.profileLocation))?.url;
      }

      // Anonymous operations share the default client: the SDK never asks it for credentials.
      const credentials = handler.auth === "signed" ? chooseCredentials(request) : { key: "default" };
      const client = await this.clientFor({ ...request.config, region, ...(endpoint ? { endpoint } : {}) }, credentials, request.proxy);
      this.inFlight.set(client, (this.inFlight.get(client) ?? 0) + 1);
      let output: Record<string, unknown>;
      try {
        // No per-call options: the client reuses its resolved middleware (see call-context.ts).
        output = await withCallFacts(facts, () => client.send(command));
      } finally {
        endpoint = facts.endpoint ?? endpoint;
        this.settled(client);
      }
      const metadata = (output.$metadata ?? {}) as { requestId?: string; httpStatusCode?: number; attempts?: number };
      const response = shaper.response(output, {
        requestId: metadata.requestId,
        status: metadata.httpStatusCode,
        contentLength: facts.contentLength,
      });
      return {
        id: request.id,
        ok: true,
        response,
        path: selection.whole ? null : selection.path,
        meta: {
          ...(metadata.requestId ? { requestId: metadata.requestId } : {}),
          ...(metadata.httpStatusCode ? { status: metadata.httpStatusCode } : {}),
          ...(metadata.attempts ? { attempts: metadata.attempts } : {}),
          ...(endpoint ? { endpoint } : {}),
          region,
          regionSource: resolved.source,
        },
      };
    } catch (error) {
      const context = { typeNamespace: this.service.typeNamespace, region, ...(endpoint ? { endpoint } : {}) };
      return { id: request.id, ok: false, error: classifyError(error, context) };
    }
  }

  /** Releases every client's sockets. */
  close(): void {
    for (const client of [...this.clients.values(), ...this.retired]) client.destroy();
    this.clients.clear();
    this.retired.clear();
    this.inFlight.clear();
  }

  private shaperFor(op: string): OutputShaper {
    let shaper = this.shapers.get(op);
    if (!shaper) {
      const handler = this.service.handlers[op]!;
      shaper = new OutputShaper(this.service.typeNamespace, handler.output.type, handler.output.shapes);
      this.shapers.set(op, shaper);
    }
    return shaper;
  }

  private async clientFor(options: ClientOptions, credentials: CredentialChoice, proxy: ProxySettings | null | undefined): Promise<SdkClient> {
    const key = `${JSON.stringify(options)}\u0000${credentials.key}\u0000${proxyCacheKey(proxy)}`;
    let client = this.clients.get(key);
    if (client) {
      // Least recently used goes first: move this one to the end.
      this.clients.delete(key);
    } else {
      const full: ClientOptions = credentials.credentials ? { ...options, credentials: credentials.credentials } : { ...options };
      if (proxyConfigured(proxy)) full.agents = (await import("./proxy-agents.js")).proxyAgents(proxy);
      client = this.service.createClient(full);
      instrumentClient(client);
      // Rotating credentials or endpoints must not pile up clients (and their sockets).
      if (this.clients.size >= MAX_CLIENTS) {
        const [oldestKey, oldest] = this.clients.entries().next().value!;
        this.clients.delete(oldestKey);
        if (this.inFlight.get(oldest)) this.retired.add(oldest);
        else oldest.destroy();
      }
    }
    this.clients.set(key, client);
    return client;
  }

  private settled(client: SdkClient): void {
    const left = (this.inFlight.get(client) ?? 1) - 1;
    if (left > 0) {
      this.inFlight.set(client, left);
      return;
    }
    this.inFlight.delete(client);
    if (this.retired.delete(client)) client.destroy();
  }
}
