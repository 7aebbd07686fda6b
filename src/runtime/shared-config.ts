// A profile's settings from the shared config and credentials files (or -ProfileLocation),
// read with the SDK's own loader when a call needs them and re-read whenever either file
// changes, as AWS Tools reads them at each call. The region chain and the configured
// endpoint (endpoint_url, services sections) both read them here.
import { statSync } from "node:fs";
import { join } from "node:path";
import { getHomeDir, loadSharedConfigFiles, readFile } from "@smithy/core/config";

export interface ProfileFiles {
  credentials: string;
  /** Absent when -ProfileLocation names the one file to use. */
  config?: string;
}

// The SDK's idea of the home folder (HOME, then USERPROFILE, then HOMEDRIVE/HOMEPATH), so
// that what is written here is where the SDK's credential chain reads.
function expandHome(path: string): string {
  return path.startsWith("~/") || path.startsWith("~\\") ? join(getHomeDir(), path.slice(2)) : path;
}

/** -ProfileLocation alone, else the shared files (AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move them). */
export function profileFiles(location?: string | null): ProfileFiles {
  if (location) return { credentials: expandHome(location) };
  return {
    credentials: expandHome(process.env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), ".aws", "credentials")),
    config: expandHome(process.env.AWS_CONFIG_FILE || join(getHomeDir(), ".aws", "config")),
  };
}


export interface SharedProfile {
  /** The profile's keys, the config file's over the credentials file's; undefined when neither has it. */
  profile: Record<string, string> | undefined;
  /** The config file's other sections ("services.<name>" keys), for a profile's services setting. */
  sections: Record<string, Record<string, string>>;
  /** Where the values came from, for messages. */
  where: string;
}

interface Cached {
  stamp: string;
  value: SharedProfile;
}
const cache = new Map<string, Cached>();
const MAX_CACHED = 64;

/** When a file last changed (mtime and size), or "missing". */
export function fileStamp(path: string | undefined): string {
  if (!path) return "-";
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return "missing";
  }
}

/**
 * The SDK's loader keeps each file's text after its first read, so a credential chain built
 * after the file changed would still see the old text: this re-reads it into that cache.
 */
export function refreshSdkCache(file: string): void {
  void readFile(file, { ignoreCache: true }).catch(() => undefined);
}

export async function sharedProfile(profileName: string, profileLocation?: string | null): Promise<SharedProfile> {
  const files = profileFiles(profileLocation);
  const configPath = files.config ?? files.credentials;
  const key = `${files.credentials}\u0000${configPath}\u0000${profileName}`;
  const stamp = `${fileStamp(configPath)}|${fileStamp(files.credentials)}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.value;

  const loaded = await loadSharedConfigFiles({ ignoreCache: true, filepath: files.credentials, configFilepath: configPath });
  // Own properties only: a profile named "constructor" is not Object.prototype's.
  const fromConfig = loaded.configFile && Object.hasOwn(loaded.configFile, profileName) ? loaded.configFile[profileName] : undefined;
  const fromCredentials = loaded.credentialsFile && Object.hasOwn(loaded.credentialsFile, profileName) ? loaded.credentialsFile[profileName] : undefined;
  const value: SharedProfile = {
    profile: fromConfig || fromCredentials ? ({ ...(fromCredentials ?? {}), ...(fromConfig ?? {}) } as Record<string, string>) : undefined,
    sections: (loaded.configFile ?? {}) as Record<string, Record<string, string>>,
    where: profileLocation ?? "the shared config and credentials files",
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, { stamp, value });
  return value;
}
