// The SDK client configuration for one set of call options.
import type { ClientOptions } from "./service.js";

export function clientConfig(options: ClientOptions): Record<string, unknown> {
  const config: Record<string, unknown> = { region: options.region };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
  if (options.retryMode !== undefined) config.retryMode = options.retryMode;
  if (options.useFipsEndpoint !== undefined) config.useFipsEndpoint = options.useFipsEndpoint;
  if (options.useDualstackEndpoint !== undefined) config.useDualstackEndpoint = options.useDualstackEndpoint;
  if (options.timeoutMs !== undefined) {
    // throwOnRequestTimeout: without it the handler only logs a warning and keeps waiting.
    config.requestHandler = { requestTimeout: options.timeoutMs, connectionTimeout: options.timeoutMs, throwOnRequestTimeout: true };
  }
  return config;
}
