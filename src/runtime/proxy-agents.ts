// The HTTP agents of a client whose requests may go through a proxy: for each connection
// they ask proxy.ts which proxy applies to its host, and hand the request to a proxy agent
// (https-proxy-agent tunnels HTTPS with CONNECT; http-proxy-agent forwards plain HTTP) or
// to a direct keep-alive agent. Loaded only when a proxy is configured.
import { Agent as HttpAgent, type ClientRequest } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Agent, type AgentConnectOpts } from "agent-base";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";

import type { ProxySettings } from "./protocol.js";
import { proxyFor } from "./proxy.js";

class ProxyChoosingAgent extends Agent {
  private readonly direct: HttpAgent;
  private readonly viaProxy = new Map<string, HttpAgent>();

  constructor(
    private readonly secure: boolean,
    private readonly explicit: ProxySettings | null | undefined,
  ) {
    super({ keepAlive: true });
    this.direct = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  connect(_req: ClientRequest, options: AgentConnectOpts): HttpAgent {
    const scheme = this.secure ? "https" : "http";
    const host = options.host?.includes(":") ? `[${options.host}]` : options.host;
    const proxy = proxyFor(`${scheme}://${host}:${options.port}/`, this.explicit);
    if (!proxy) return this.direct;
    let agent = this.viaProxy.get(proxy);
    if (!agent) {
      agent = this.secure ? new HttpsProxyAgent(proxy, { keepAlive: true }) : new HttpProxyAgent(proxy, { keepAlive: true });
      this.viaProxy.set(proxy, agent);
    }
    return agent;
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
