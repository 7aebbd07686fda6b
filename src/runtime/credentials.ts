// AWS credentials for signed operations, found the way AWS Tools for PowerShell finds
// them: -AccessKey/-SecretKey/-SessionToken (or -Credential), then -ProfileName, then the
// SDK's default chain (environment variables, the default profile, SSO, process,
// container and instance credentials). The SDK's own providers do the finding; this
// module only chooses among them and says clearly when none gave anything.
import { createHash } from "node:crypto";
import { fromIni } from "@aws-sdk/credential-provider-ini";

import { fileStamp, profileFiles, refreshSdkCache } from "./shared-config.js";

import { InputError } from "./input.js";

export const NO_CREDENTIALS_MESSAGE = "No credentials specified or obtained from persisted/shell defaults.";

export interface CredentialInput {
  /** Keys given to the cmdlet (-AccessKey/-SecretKey/-SessionToken or -Credential). */
  credentials?: { accessKeyId?: string | null; secretAccessKey?: string | null; sessionToken?: string | null } | null;
  /** -ProfileName. */
  profile?: string | null;
  /** -ProfileLocation: the shared credentials file to read profiles from. */
  profileLocation?: string | null;
}

export class CredentialsError extends Error {}

type Identity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type Provider = () => Promise<Identity>;

export interface CredentialChoice {
  /** Identifies the choice for the client cache, without holding a secret in clear. */
  key: string;
  /** undefined: the SDK's default chain. */
  credentials?: Identity | Provider;
}

export function chooseCredentials(input: CredentialInput): CredentialChoice {
  const given = input.credentials;
  if (given && (given.accessKeyId || given.secretAccessKey)) {
    if (!given.accessKeyId) throw new InputError("AccessKey", "-SecretKey was given without -AccessKey; give both.");
    if (!given.secretAccessKey) throw new InputError("SecretKey", "-AccessKey was given without -SecretKey; give both.");
    const identity: Identity = { accessKeyId: given.accessKeyId, secretAccessKey: given.secretAccessKey };
    if (given.sessionToken) identity.sessionToken = given.sessionToken;
    const digest = createHash("sha256").update(`${given.secretAccessKey}\u0000${given.sessionToken ?? ""}`).digest("hex");
    return { key: `keys:${given.accessKeyId}:${digest}`, credentials: identity };
  }
  if (input.profile || input.profileLocation) {
    const profile = input.profile || undefined;
    const where = input.profileLocation ? `'${input.profileLocation}'` : "the shared credentials and config files";
    // ignoreCache: the files are read afresh for each new client (see filesStamp).
    const files = profileFiles(input.profileLocation);
    const provider = fromIni({ ignoreCache: true, ...(profile ? { profile } : {}), filepath: files.credentials, configFilepath: files.config ?? files.credentials });
    const wrapped: Provider = async () => {
      try {
        return (await provider()) as Identity;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CredentialsError(`No credentials found for profile '${profile ?? process.env.AWS_PROFILE ?? "default"}' in ${where}: ${reason}`);
      }
    };
    return { key: `profile:${profile ?? ""}:${input.profileLocation ?? ""}:${filesStamp(input.profileLocation ?? undefined)}`, credentials: wrapped };
  }
  return { key: `default:${filesStamp(undefined)}` };
}

/**
 * When the shared credentials and config files last changed: part of the client cache
 * key, so that rotated keys or a new SSO login are used from the next call on (AWS Tools
 * reads profiles on every call), not only once the bridge restarts.
 */
const lastStamps = new Map<string, string>();

function filesStamp(profileLocation: string | undefined): string {
  const { credentials, config } = profileFiles(profileLocation);
  return [credentials, config ?? credentials]
    .map((file) => {
      const stamp = fileStamp(file);
      // The default chain of a client built after a change must not read the SDK's old copy.
      if (lastStamps.get(file) !== stamp) {
        lastStamps.set(file, stamp);
        refreshSdkCache(file);
      }
      return `${file}:${stamp}`;
    })
    .join(",");
}

/** Whether an error is the SDK's default chain finding no credentials. */
export function isNoCredentialsError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === "CredentialsProviderError" || error instanceof CredentialsError;
}
