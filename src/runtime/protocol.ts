// The newline-delimited JSON messages between the PowerShell module and the bridge.
// One message per line; every request carries an id that its reply repeats.

export const PROTOCOL_VERSION = 1;

/** Bridge -> PowerShell, once, as the first line after start. */
export interface HelloMessage {
  hello: { protocol: number; node: string; pid: number };
}

/** PowerShell -> bridge: call one operation. */
/** Request ids are opaque to the bridge: PowerShell sends strings unique across runspaces. */
export type RequestId = string | number;

export interface CallRequest {
  id: RequestId;
  op: string;
  /** Bound cmdlet parameters that map to the operation's input (by parameter name). */
  params: Record<string, unknown>;
  /** '*', or a property path of the response; '^Param' is handled in PowerShell. */
  select: string;
  /** -Region, $StoredAWSRegion or ClientConfig.RegionEndpoint when one was given; else the bridge resolves it. */
  region?: string | null;
  regionSource?: string | null;
  profileLocation?: string | null;
  /** $env:AWS_REGION of the PowerShell session. */
  envRegion?: string | null;
  endpoint?: string | null;
  config?: ClientSettings | null;
  /** Signed operations: keys given to the cmdlet (never logged, never echoed). */
  credentials?: { accessKeyId?: string | null; secretAccessKey?: string | null; sessionToken?: string | null } | null;
  /** Signed operations: -ProfileName, $StoredAWSCredentials' profile or AWS_PROFILE; anonymous ones: for the region. */
  profile?: string | null;
  /** Set-AWSProxy: the proxy for this call, which wins over the proxy variables. */
  proxy?: ProxySettings | null;
}

/** Set-AWSProxy's settings, as $AWSProxy holds them. */
export interface ProxySettings {
  host: string;
  port: number;
  username?: string | null;
  password?: string | null;
  /** Regular expressions: a URL one matches is fetched directly. */
  bypassList?: string[] | null;
  /** Hosts without a dot, localhost and loopback addresses are fetched directly. */
  bypassOnLocal?: boolean | null;
}

/** PowerShell -> bridge: a session command (profiles: see commands.ts); answered like a call. */
export interface CommandRequest {
  id: RequestId;
  command: string;
  args?: Record<string, unknown>;
}

/**
 * PowerShell -> bridge, before the first request and whenever they change: the session's
 * settings that a call reads from the environment (AWS_ENDPOINT_URL, AWS_CONFIG_FILE, the
 * proxy variables...; see env.ts). null: the variable is not set. Not answered.
 */
export interface EnvMessage {
  env: Record<string, string | null>;
}

/** PowerShell -> bridge: abandon request `cancel` (Ctrl+C). */
export interface CancelRequest {
  id: RequestId;
  cancel: RequestId;
}

/** -ClientConfig, translated by PowerShell into the JavaScript SDK's terms. */
export interface ClientSettings {
  maxAttempts?: number;
  timeoutMs?: number;
  retryMode?: "standard" | "adaptive";
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
}

export type ErrorKind =
  | "service" // the service answered with an error
  | "network" // the request did not reach the service or no answer came back
  | "input" // a parameter value cannot be sent as given
  | "select" // -Select names nothing in the response
  | "region" // no region anywhere in the chain
  | "credentials" // a signed operation found no credentials
  | "protocol" // a message or response that cannot be understood
  | "cancelled"
  | "internal";

export interface ErrorPayload {
  kind: ErrorKind;
  message: string;
  /** For service errors, the AWS Tools exception type name, e.g. Amazon.CognitoIdentityProvider.Model.NotAuthorizedException. */
  type?: string;
  code?: string;
  status?: number;
  requestId?: string;
  parameter?: string;
  endpoint?: string;
}

export interface SuccessReply {
  id: RequestId;
  ok: true;
  /** The whole response, as AWS Tools' XxxResponse object. Objects carry their type name in "@t". */
  response: Record<string, unknown>;
  /** The -Select path, in the response's own spelling; null for the whole response. */
  path: string[] | null;
  meta: { requestId?: string; status?: number; endpoint?: string; attempts?: number; region: string; regionSource: string };
}

export interface ErrorReply {
  id: RequestId;
  ok: false;
  error: ErrorPayload;
}

export type Reply = SuccessReply | ErrorReply;

/** Key that carries an object's type name; removed by the PowerShell side. */
export const TYPE_KEY = "@t";
/** With TYPE_KEY, marks a scalar to be cast to that .NET type. */
export const VALUE_KEY = "@v";
/**
 * A map (tags, attributes...): {"@m": [[key, value], ...]}, read into a case-sensitive
 * Dictionary as the AWS SDK for .NET gives it. As object members, keys that differ only
 * in case, or that look like "@t", would be lost in PowerShell's case-insensitive objects.
 */
export const MAP_KEY = "@m";
