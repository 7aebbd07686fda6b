// What the generated code for one service hands to the runtime.
import type { OperationHandler } from "./handler.js";

import type { ClientSettings } from "./protocol.js";

export interface ClientOptions extends ClientSettings {
  region: string;
  endpoint?: string;
  /** Signed operations' credentials; absent: the SDK's default chain. */
  credentials?: unknown;
  /** Agents that send requests through a proxy (see proxy-agents.ts); absent: Node's own. */
  agents?: { httpAgent: unknown; httpsAgent: unknown };
}

export interface ServiceBinding {
  typeNamespace: string;
  /** The SDK's service id, such as "Cognito Identity Provider" (names its configured-endpoint settings). */
  serviceId: string;
  /** The SDK client package the bridge runs, for Get-AWSPowerShellVersion. */
  sdk: { package: string; version: string };
  /** Creates an SDK client; called once per distinct set of options. */
  createClient(options: ClientOptions): SdkClient;
  handlers: Readonly<Record<string, OperationHandler>>;
}

/**
 * The part of an SDK v3 client the runtime touches. send() gets no per-call options:
 * with cacheMiddleware, the abort signal travels in call-context.ts instead.
 */
export interface SdkClient {
  send(command: unknown): Promise<Record<string, unknown>>;
  destroy(): void;
  middlewareStack: { add(middleware: unknown, options: { step: string; name: string }): void };
  config: { requestHandler?: { handle(request: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> } };
}
