// The HTTP agents of a client whose requests may go through a proxy: each request is handed,
// as it is made, to a proxy agent (https-proxy-agent tunnels HTTPS with CONNECT;
// http-proxy-agent forwards plain HTTP in absolute form) or to a direct keep-alive agent,
// as proxy.ts decides for its host. The choice is made in addRequest, synchronously: a
// proxy agent must rewrite a plain HTTP request before Node writes its head. Loaded only
// when a proxy is configured.
import { Agent as HttpAgent, type ClientRequest, type RequestOptions } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";

import type { ProxySettings } from "./protocol.js";
import { proxyFor } from "./proxy.js";

type Delegate = HttpAgent & { addRequest(req: ClientRequest, options: RequestOptions): void };

class ProxyChoosingAgent extends HttpAgent {
  private readonly direct: Delegate;
  private readonly viaProxy = new Map<string, Delegate>();

  constructor(
    private readonly secure: boolean,
    private readonly explicit: ProxySettings | null | undefined,
  ) {
    super({ keepAlive: true });
    // Node checks an agent's protocol against the request's.
    (this as unknown as { protocol: string }).protocol = secure ? "https:" : "http:";
    this.direct = (secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true })) as Delegate;
  }

  addRequest(req: ClientRequest, options: RequestOptions): void {
    const host = options.host ?? options.hostname ?? "localhost";
    const port = options.port ?? (this.secure ? 443 : 80);
    const proxy = proxyFor(`${this.secure ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}/`, this.explicit);
    let agent = this.direct;
    if (proxy) {
      agent = this.viaProxy.get(proxy) ?? ((this.secure ? new HttpsProxyAgent(proxy, { keepAlive: true }) : new HttpProxyAgent(proxy, { keepAlive: true })) as unknown as Delegate);
      this.viaProxy.set(proxy, agent);
    }
    agent.addRequest(req, options);
  }

  override destroy(): void {
    this.direct.destroy();
    for (const agent of this.viaProxy.values()) agent.destroy();
    super.destroy();
  }
}

export function proxyAgents(explicit: ProxySettings | null | undefined): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  return {
    httpAgent: new ProxyChoosingAgent(false, explicit),
    httpsAgent: new ProxyChoosingAgent(true, explicit) as unknown as HttpsAgent,
  };
}
