// Which proxy a request goes through: Set-AWSProxy's (unless its bypass rules say
// otherwise), else the HTTPS_PROXY / HTTP_PROXY / ALL_PROXY variables with NO_PROXY, as the
// AWS CLI and the AWS SDK for .NET honour them (read by proxy-from-env, the variables the
// session last sent; see env.ts). The agents themselves (proxy-agents.ts) load only when a
// proxy is configured, so that the bridge's start does not pay for them.
import { createHash } from "node:crypto";
import { getProxyForUrl } from "proxy-from-env";

import type { ProxySettings } from "./protocol.js";

const PROXY_VARIABLES = ["https_proxy", "http_proxy", "all_proxy"];

/** Whether any proxy could apply: Set-AWSProxy's, or one of the proxy variables. */
export function proxyConfigured(explicit: ProxySettings | null | undefined): boolean {
  if (explicit) return true;
  return PROXY_VARIABLES.some((name) => process.env[name] || process.env[name.toUpperCase()]);
}

/** The proxy URL (with its credentials) for a request to url, or "" to connect directly. */
export function proxyFor(url: string, explicit: ProxySettings | null | undefined): string {
  if (!explicit) return getProxyForUrl(url);
  const target = new URL(url);
  if (explicit.bypassOnLocal && isLocal(target.hostname)) return "";
  for (const pattern of explicit.bypassList ?? []) {
    try {
      if (new RegExp(pattern, "i").test(url)) return "";
    } catch {
      // PowerShell checked the patterns; one that still does not compile bypasses nothing.
    }
  }
  // As AWS Tools: a host given as a URL loses its http:// prefix.
  const host = explicit.host.replace(/^http:\/\//i, "").replace(/\/+$/, "");
  const auth = explicit.username ? `${encodeURIComponent(explicit.username)}:${encodeURIComponent(explicit.password ?? "")}@` : "";
  return `http://${auth}${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${explicit.port}`;
}

/** Local as .NET's BypassProxyOnLocal means it: a host without dots, localhost, or a loopback address. */
function isLocal(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return !name.includes(".") || name === "localhost" || name.startsWith("127.") || name === "::1";
}

/** Identifies the proxy settings for the client cache: a digest, so that no proxy password is kept in clear. */
export function proxyCacheKey(explicit: ProxySettings | null | undefined): string {
  if (!proxyConfigured(explicit)) return "";
  const variables = [...PROXY_VARIABLES, "no_proxy"].map((n) => process.env[n] ?? process.env[n.toUpperCase()] ?? "");
  return createHash("sha256").update(JSON.stringify([variables, explicit ?? null])).digest("hex");
}
