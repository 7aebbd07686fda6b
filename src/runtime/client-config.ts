// The SDK client configuration for one set of call options.
import type { ClientOptions } from "./service.js";

export const DEFAULT_TIMEOUT_MS = 100_000;

export function clientConfig(options: ClientOptions): Record<string, unknown> {
  // cacheMiddleware: each command class's middleware is resolved once per client, not on
  // every call (per-call facts travel in call-context.ts).
  // ignoreConfiguredEndpointUrls: the configured endpoint is read at each call (endpoint.ts)
  // and given as endpoint; the SDK's own lookup would read the files once per client.
  const config: Record<string, unknown> = { region: options.region, cacheMiddleware: true, ignoreConfiguredEndpointUrls: true };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
  if (options.retryMode !== undefined) config.retryMode = options.retryMode;
  if (options.useFipsEndpoint !== undefined) config.useFipsEndpoint = options.useFipsEndpoint;
  if (options.useDualstackEndpoint !== undefined) config.useDualstackEndpoint = options.useDualstackEndpoint;
  // A request with no answer fails after the timeout (100 s by default, as in the AWS SDK
  // for .NET) rather than hanging. throwOnRequestTimeout: without it the handler only
  // logs a warning and keeps waiting.
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  config.requestHandler = {
    requestTimeout: timeout,
    connectionTimeout: timeout,
    throwOnRequestTimeout: true,
    ...(options.agents ? { httpAgent: options.agents.httpAgent, httpsAgent: options.agents.httpsAgent } : {}),
  };
  return config;
}
