// The SDK client configuration for one set of call options.
import type { ClientOptions } from "./service.js";

export function clientConfig(options: ClientOptions): Record<string, unknown> {
  const config: Record<string, unknown> = { region: options.region };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
  if (options.requestTimeoutMs !== undefined) {
    config.requestHandler = { requestTimeout: options.requestTimeoutMs, connectionTimeout: options.requestTimeoutMs };
  }
  return config;
}
