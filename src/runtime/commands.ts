// The session commands' requests (Set-AWSCredential, Get-AWSCredential, Remove-AWSCredentialProfile,
// Initialize-AWSDefaultConfiguration...): everything they do with profiles happens here, in
// the bridge, so that reading and writing the shared files has one implementation. Never
// throws: every failure becomes an ErrorReply, as for operations.
import { classifyError } from "./errors.js";
import { InputError } from "./input.js";
import { describeProfile, listProfiles, removeProfile, resolveProfile, storeProfile, type StoreRequest } from "./profile-store.js";
import { profileFiles } from "./shared-config.js";
import type { CommandRequest, Reply } from "./protocol.js";
import type { ServiceBinding } from "./service.js";

type Args = Record<string, unknown>;

function text(args: Args, name: string, required = true): string | undefined {
  const value = args[name];
  if (typeof value === "string" && value.length > 0) return value;
  if (value === undefined || value === null || value === "") {
    if (required) throw new InputError(name, `${name} is required.`);
    return undefined;
  }
  throw new InputError(name, `${name} must be a string.`);
}

const COMMANDS: Record<string, (args: Args, binding: ServiceBinding) => Promise<unknown>> = {
  "module.versions": async (_args, binding) => ({ sdkPackage: binding.sdk.package, sdkVersion: binding.sdk.version, node: process.versions.node }),
  "profiles.list": async (args) => ({ profiles: listProfiles(text(args, "location", false)) }),
  "profiles.describe": async (args) => describeProfile(text(args, "name")!, text(args, "location", false), args.withKeys === true),
  "profiles.resolve": async (args) => resolveProfile(text(args, "name")!, text(args, "location", false)),
  "profiles.store": async (args) => storeProfile(args as unknown as StoreRequest),
  "profiles.remove": async (args) => removeProfile(text(args, "name")!, text(args, "location", false)),
  "profiles.files": async (args) => profileFiles(text(args, "location", false)),
};

export async function runCommand(request: CommandRequest, binding: ServiceBinding): Promise<Reply> {
  try {
    const command = COMMANDS[request.command];
    if (!command) throw new Error(`this module has no session command named '${request.command}'`);
    const response = (await command(request.args ?? {}, binding)) as Record<string, unknown>;
    return { id: request.id, ok: true, response, path: null, meta: { region: "", regionSource: "" } };
  } catch (error) {
    return { id: request.id, ok: false, error: classifyError(error, { typeNamespace: binding.typeNamespace, region: "" }) };
  }
}
