// The profiles of the shared credentials and config files, as the session commands
// (Set-AWSCredential -StoreAs, Get-AWSCredential -ListProfileDetail, Remove-AWSCredentialProfile,
// Initialize-AWSDefaultConfiguration) read and write them. The files are the AWS CLI's and
// every SDK's, so what is stored here is what they see. Values are read with the SDK's own
// parser; writes edit the text (ini-edit.ts) and replace the file atomically (atomic-file.ts).
import { readFileSync } from "node:fs";
import { fromIni } from "@aws-sdk/credential-provider-ini";

import { updateFile } from "./atomic-file.js";
import { CredentialsError } from "./credentials.js";
import { editSection, hasSection, removeSection, sectionKeyOf, sectionKeys, splitIni, joinIni, type IniText } from "./ini-edit.js";
import { InputError } from "./input.js";
import { profileFiles, refreshSdkCache, sharedProfile, type ProfileFiles } from "./shared-config.js";

/** The keys that say where a profile's credentials come from; storing new credentials replaces them all. */
export const CREDENTIAL_SOURCE_KEYS = [
  "aws_access_key_id",
  "aws_secret_access_key",
  "aws_session_token",
  "role_arn",
  "source_profile",
  "credential_source",
  "external_id",
  "mfa_serial",
  "role_session_name",
  "duration_seconds",
  "web_identity_token_file",
  "credential_process",
  "sso_session",
  "sso_account_id",
  "sso_role_name",
  "sso_start_url",
  "sso_region",
] as const;

export const STORE_TYPE = "SharedCredentialsFile";

function readText(path: string | undefined): string {
  if (!path) return "";
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/**
 * Where a profile lives in the config file: "[profile x]", and "[default]" for the default
 * one unless the file has "[profile default]", which the SDK then reads instead. Returns the
 * section's key (as ini-edit files it) and the header to write when it is new.
 */
function configSection(ini: IniText, name: string): { key: string; header: string } {
  if (name !== "default") return { key: `profile.${name}`, header: `profile ${name}` };
  return hasSection(ini, "profile.default") ? { key: "profile.default", header: "profile default" } : { key: "default", header: "default" };
}

export interface ProfileInfo {
  ProfileName: string;
  StoreTypeName: string;
  /** The file that defines it (the credentials file when both do). */
  ProfileLocation: string;
}

/** Every profile either file defines, as `aws configure list-profiles` sees them: credentials file first. */
export function listProfiles(location?: string | null): ProfileInfo[] {
  const files = profileFiles(location);
  const seen = new Set<string>();
  const out: ProfileInfo[] = [];
  const add = (name: string, file: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ ProfileName: name, StoreTypeName: STORE_TYPE, ProfileLocation: file });
  };
  // As the SDK files the sections: "[profile x]" in a credentials file is no profile named x.
  for (const line of splitIni(readText(files.credentials)).lines) {
    const key = sectionKeyOf(line);
    if (key && !/^(profile|sso-session|services)\./.test(key)) add(key, files.credentials);
  }
  if (files.config) {
    for (const line of splitIni(readText(files.config)).lines) {
      const key = sectionKeyOf(line);
      if (key === "default") add(key, files.config);
      else if (key?.startsWith("profile.")) add(key.slice("profile.".length), files.config);
    }
  }
  return out;
}

export interface ProfileDescription {
  exists: boolean;
  /** keys: static keys (with a session token: session); other: a role, SSO, process or other source. */
  kind?: "keys" | "session" | "other";
  region?: string;
  /** Only when asked for (Get-AWSCredential -ProfileName), and only for static keys. */
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

/** A profile's merged values (the config file's over the credentials file's), or undefined when neither has it. */
async function profileValues(name: string, location?: string | null): Promise<Record<string, string> | undefined> {
  return (await sharedProfile(name, location)).profile;
}

export async function describeProfile(name: string, location?: string | null, withKeys = false): Promise<ProfileDescription> {
  const values = await profileValues(name, location);
  if (!values) return { exists: false };
  const hasKeys = Boolean(values.aws_access_key_id && values.aws_secret_access_key) && !values.role_arn && !values.credential_process && !values.sso_session && !values.sso_start_url;
  const kind = hasKeys ? (values.aws_session_token ? "session" : "keys") : "other";
  const out: ProfileDescription = { exists: true, kind, ...(values.region ? { region: values.region } : {}) };
  if (withKeys && hasKeys) {
    out.accessKeyId = values.aws_access_key_id!;
    out.secretAccessKey = values.aws_secret_access_key!;
    if (values.aws_session_token) out.sessionToken = values.aws_session_token;
  }
  return out;
}

/** A profile's credentials as the SDK resolves them (assume-role, SSO and processes included). */
export async function resolveProfile(name: string, location?: string | null): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> {
  const files = profileFiles(location);
  // With -ProfileLocation, that file only (as its profile's description reads it).
  const provider = fromIni({ profile: name, ignoreCache: true, filepath: files.credentials, configFilepath: files.config ?? files.credentials });
  let identity;
  try {
    identity = await provider();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CredentialsError(`No credentials found for profile '${name}' in ${describeFiles(files)}: ${reason}`);
  }
  return { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}) };
}

export interface StoreRequest {
  name: string;
  location?: string | null;
  /** New static credentials: they replace whatever source the profile had. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | null };
  /** Copy another profile's credential source instead. */
  copyFrom?: string;
  /** Or a role to assume: role_arn, source_profile, and optionally external_id and mfa_serial. */
  role?: Record<string, string>;
  region?: string | null;
}

/**
 * Writes a profile: its credential source (keys, or another profile's) and region. Every other
 * line of the files stays as it was. Credentials go into the credentials file; the region goes
 * where the profile already keeps one, else into the credentials file too (as AWS Tools writes it).
 */
export async function storeProfile(request: StoreRequest): Promise<{ file: string }> {
  checkName(request.name, "StoreAs");
  if (request.copyFrom !== undefined) checkName(request.copyFrom, "ProfileName");
  const files = profileFiles(request.location);
  const credentialValues: Record<string, string | null> = {};
  let sourceValues: Record<string, string> | undefined;
  if (request.copyFrom !== undefined) {
    sourceValues = await profileValues(request.copyFrom, request.location);
    if (!sourceValues) throw new InputError("ProfileName", `There is no profile named '${request.copyFrom}' in ${describeFiles(files)}.`);
  }
  if (request.credentials || sourceValues || request.role) {
    for (const key of CREDENTIAL_SOURCE_KEYS) credentialValues[key] = null;
    if (request.role) {
      for (const [key, value] of Object.entries(request.role)) {
        if (!(CREDENTIAL_SOURCE_KEYS as readonly string[]).includes(key) || typeof value !== "string") throw new InputError("RoleArn", `'${key}' is not a role setting this module stores.`);
        credentialValues[key] = value;
      }
    } else if (request.credentials) {
      credentialValues.aws_access_key_id = request.credentials.accessKeyId;
      credentialValues.aws_secret_access_key = request.credentials.secretAccessKey;
      if (request.credentials.sessionToken) credentialValues.aws_session_token = request.credentials.sessionToken;
    } else {
      for (const key of CREDENTIAL_SOURCE_KEYS) if (sourceValues![key] !== undefined) credentialValues[key] = sourceValues![key]!;
    }
  }
  if (request.name === request.copyFrom) {
    // Copying a profile onto itself changes nothing but, perhaps, its region.
    for (const key of Object.keys(credentialValues)) delete credentialValues[key];
  }
  const configIni = files.config ? splitIni(readText(files.config)) : undefined;
  const regionInConfig = Boolean(request.region && configIni && sectionKeys(configIni, configSection(configIni, request.name).key).includes("region"));
  const forCredentialsFile = { ...credentialValues, ...(request.region && !regionInConfig ? { region: request.region } : {}) };
  for (const [key, value] of Object.entries(forCredentialsFile)) {
    // A line break in a value would write lines (even sections) of its own into the file.
    if (value !== null && (/[\r\n]/.test(value) || value.trim() !== value || value === "")) {
      throw new InputError(key === "region" ? "Region" : "SecretKey", `The value for ${key} is empty, has a line break, or starts or ends with a space, so it cannot be stored in a profile.`);
    }
  }
  if (Object.keys(forCredentialsFile).length > 0) {
    // (Only keys to remove, in a profile the file does not have: nothing is written.)
    await updateFile(files.credentials, (text) => joinIni(editSection(splitIni(text), request.name, request.name, forCredentialsFile)));
  }
  // The config file's copy of the profile: a credential source there (role_arn, sso_*...) would
  // win over the new keys, so it goes; the region is written there when that is where it is.
  const forConfigFile: Record<string, string | null> = Object.fromEntries(Object.entries(credentialValues).filter(([, v]) => v === null));
  if (request.region && regionInConfig) forConfigFile.region = request.region;
  if (files.config && Object.keys(forConfigFile).length > 0) {
    await updateFile(files.config, (text) => {
      const ini = splitIni(text);
      const { key, header } = configSection(ini, request.name);
      return joinIni(editSection(ini, key, header, forConfigFile));
    });
  }
  refreshSdkCaches(files);
  return { file: files.credentials };
}

/** After a write: the SDK's cached copies of the files are read again. */
function refreshSdkCaches(files: ProfileFiles): void {
  for (const file of [files.credentials, files.config]) if (file) refreshSdkCache(file);
}

/** Removes a profile from the credentials file and the config file; says which files had it. */
export async function removeProfile(name: string, location?: string | null): Promise<{ removedFrom: string[] }> {
  const files = profileFiles(location);
  const removedFrom: string[] = [];
  const targets: [string, string[]][] = [[files.credentials, [name]]];
  if (files.config) targets.push([files.config, name === "default" ? ["default", "profile.default"] : [`profile.${name}`]]);
  for (const [file, keys] of targets) {
    const { changed } = await updateFile(file, (text) => joinIni(keys.reduce((ini, key) => removeSection(ini, key), splitIni(text))));
    if (changed) removedFrom.push(file);
  }
  refreshSdkCaches(files);
  return { removedFrom };
}

/**
 * A profile name every reader of the files takes as written: the characters the SDK's reader
 * allows in "[profile name]" (letters, digits and _ - @ + . % : /). A space, "#" or ";" would
 * make the header mean something else (a comment, another section) to some readers.
 */
function checkName(name: string, parameter: string): void {
  if (typeof name !== "string" || !/^[\w\-@+.%:/]+$/.test(name) || name === "__proto__") {
    throw new InputError(
      parameter,
      `'${name}' cannot be a profile name: use letters, digits and _ - @ + . % : / only (no spaces, brackets, # or ;).`,
    );
  }
}

export function describeFiles(files: ProfileFiles): string {
  return files.config ? `${files.credentials} or ${files.config}` : files.credentials;
}
