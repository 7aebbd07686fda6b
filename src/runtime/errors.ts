// Classifies whatever a call threw into a protocol error the PowerShell side can turn
// into a proper ErrorRecord. Only messages cross over: never a stack trace.
import type { ErrorPayload } from "./protocol.js";
import { FileUpdateError } from "./atomic-file.js";
import { InputError } from "./input.js";
import { RegionError } from "./region.js";
import { CredentialsError, isNoCredentialsError, NO_CREDENTIALS_MESSAGE } from "./credentials.js";

const NETWORK_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH",
  "EPIPE", "ECONNABORTED", "ERR_INVALID_URL", "EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "UND_ERR_SOCKET",
]);

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number };
  cause?: unknown;
}

export class SelectError extends Error {}

export function classifyError(error: unknown, context: { typeNamespace: string; endpoint?: string; region: string }): ErrorPayload {
  if (error instanceof InputError) return { kind: "input", message: error.message, parameter: error.parameter };
  // A profile file that cannot be written: where it is, -ProfileLocation or the shared files, is the caller's choice.
  if (error instanceof FileUpdateError) return { kind: "input", message: error.message, parameter: "ProfileLocation" };
  if (error instanceof SelectError) return { kind: "select", message: error.message };
  if (error instanceof RegionError) return { kind: "region", message: error.message };
  if (error instanceof CredentialsError) return { kind: "credentials", message: error.message };
  if (isNoCredentialsError(error)) {
    return {
      kind: "credentials",
      message:
        `${NO_CREDENTIALS_MESSAGE} Give -AccessKey and -SecretKey, -Credential or -ProfileName, set ` +
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add a default profile to the shared credentials file.",
    };
  }

  const e = (error ?? {}) as SdkErrorLike;
  const where = context.endpoint ?? (context.region ? `the ${context.region} endpoint` : "the service endpoint");

  if (e.name === "AbortError") return { kind: "cancelled", message: "The request was cancelled." };

  // A proxy that wants (other) credentials answers 407 in place of the service.
  if (e.$metadata?.httpStatusCode === 407 || e.$response?.statusCode === 407) {
    return {
      kind: "network",
      message:
        `The proxy refused the request to ${where} (HTTP 407 Proxy Authentication Required). ` +
        "Check the proxy's user name and password (Set-AWSProxy -Credential, or the user:password@ of HTTPS_PROXY / HTTP_PROXY).",
      status: 407,
    };
  }

  if (e.$fault && e.name && e.$metadata?.httpStatusCode !== undefined) {
    const name = e.name.includes("#") ? e.name.slice(e.name.lastIndexOf("#") + 1) : e.name;
    const payload: ErrorPayload = {
      kind: "service",
      type: `${context.typeNamespace}.${name}`,
      code: name,
      message: e.message && e.message !== "UnknownError" ? e.message : `The service returned ${name} (HTTP ${e.$metadata.httpStatusCode}).`,
      status: e.$metadata.httpStatusCode,
    };
    if (e.$metadata.requestId) payload.requestId = e.$metadata.requestId;
    return payload;
  }

  const code = networkCode(e);
  if (code || e.name === "TimeoutError") {
    const reason = code ? `${code}${e.message && !e.message.includes(code) ? `: ${e.message}` : e.message ? ` (${e.message})` : ""}` : e.message;
    return {
      kind: "network",
      message:
        `Could not get a response from ${where} (region ${context.region}): ${reason}. ` +
        "Check the endpoint (-EndpointUrl) or region (-Region), and that the network and any proxy allow the connection.",
      ...(context.endpoint ? { endpoint: context.endpoint } : {}),
      ...(code ? { code } : {}),
    };
  }

  if (e.$response || e.$metadata) {
    return {
      kind: "protocol",
      message: `The response from ${where} could not be read: ${e.message ?? "unexpected content"}.`,
      ...(e.$response?.statusCode ? { status: e.$response.statusCode } : {}),
    };
  }
  return { kind: "internal", message: `The request failed: ${e.message ?? String(error)}` };
}

function networkCode(e: SdkErrorLike): string | undefined {
  for (let cur: SdkErrorLike | undefined = e, depth = 0; cur && depth < 5; cur = cur.cause as SdkErrorLike, depth++) {
    if (cur.code && NETWORK_CODES.has(cur.code)) return cur.code;
  }
  return undefined;
}
