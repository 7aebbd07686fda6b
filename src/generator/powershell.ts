// The PowerShell face of each cmdlet: its parameters (with AWS Tools' names, aliases,
// positions and pipeline binding), which script-module.ts declares and help.ts documents,
// and the module manifest (.psd1).
import { NO_OUTPUT, takesCredentialParameters } from "../spec/semantics.js";
import type { LoadedCmdlet, LoadedSpecs, ParameterSpec, ParameterType } from "../spec/types.js";
import { selectPaths } from "../runtime/shapes.js";
import type { ModelType, ServiceModel } from "../sdk-schema/model.js";
import { psString } from "./text.js";

/**
 * The runtime's session commands (src/dotnet: ShellCommands, CredentialCommands,
 * DefaultConfigurationCommands, ProxyCommands, DiscoveryCommands, UnsupportedCommands),
 * exported beside the generated cmdlets: AWS.Tools.Common's, so that scripts written for AWS
 * Tools find them.
 */
export const SHARED_COMMANDS = [
  "Clear-DefaultAWSRegion", "Get-DefaultAWSRegion", "Set-DefaultAWSRegion", "Get-AWSRegion",
  "Set-AWSHistoryConfiguration",
  "Set-AWSCredential", "Get-AWSCredential", "Clear-AWSCredential", "New-AWSCredential", "Remove-AWSCredentialProfile",
  "Initialize-AWSDefaultConfiguration", "Clear-AWSDefaultConfiguration",
  "Set-AWSProxy", "Clear-AWSProxy",
  "Get-AWSService", "Get-AWSCmdletName", "Get-AWSPowerShellVersion",
  "Set-AWSAutoIterationMode", "Get-AWSAutoIterationMode", "Set-AWSSensitiveDataConfiguration", "Get-AWSSensitiveDataConfiguration",
  // Not provided: each fails with a clear error saying what to use instead.
  "Invoke-AWSSSOLogin", "Invoke-AWSSSOLogout", "Initialize-AWSSSOConfiguration", "Set-AWSSSOSessionConfiguration",
  "Set-AWSSamlEndpoint", "Set-AWSSamlRoleProfile",
  "Add-AWSLoggingListener", "Remove-AWSLoggingListener", "Set-AWSResponseLogging", "Enable-AWSMetricsLogging", "Disable-AWSMetricsLogging",
  "Get-AWSPublicIpAddressRange",
];

/** AWS.Tools.Common's old names for its credential and default-configuration commands. */
export const SHARED_ALIASES = [
  "Set-AWSCredentials", "Get-AWSCredentials", "Clear-AWSCredentials", "New-AWSCredentials", "Initialize-AWSDefaults", "Clear-AWSDefaults",
];

export function formatFileName(specs: LoadedSpecs): string {
  return `${specs.service.module.name}.Format.ps1xml`;
}

const PS_TYPES: Record<ParameterType, string> = {
  string: "string",
  integer: "int",
  long: "long",
  double: "double",
  boolean: "bool",
  timestamp: "datetime",
  stringList: "string[]",
  stringMap: "hashtable",
  structure: "object",
  structureList: "object[]",
  structureMap: "hashtable",
  document: "psobject",
  blob: "byte[]",
};

export interface EmittedParameter {
  name: string;
  psType: string;
  mandatory?: boolean;
  byValue?: boolean;
  byPropertyName?: boolean;
  position?: number;
  aliases?: string[];
  allow?: string[];
  defaultValue?: string;
  /** The constant class an enum parameter takes (its .NET name). */
  enumType?: string;
  /** The model structure a structure parameter takes (its .NET name), for ModelInput. */
  modelType?: string;
  /** The type help shows, when it says more than psType (an SDK shape's .NET name). */
  helpType?: string;
  completions?: string[];
  help: string;
}

/** Parameters every cmdlet has, after its own, as in AWS Tools for PowerShell. */
function sharedParameters(specs: LoadedSpecs, cmdlet: LoadedCmdlet): EmittedParameter[] {
  const responseType = `${specs.service.typeNamespace}.${cmdlet.spec.output.type}`;
  const { select } = cmdlet.spec;
  const example = selectPaths(cmdlet.spec.output.shapes, cmdlet.spec.output.type).find((p) => p.includes(".")) ?? "ResponseMetadata.RequestId";
  const selectParameter: EmittedParameter = {
    name: "Select",
    psType: "string",
    byPropertyName: true,
    help:
      (select === NO_OUTPUT
        ? "What the cmdlet writes. By default it writes nothing. "
        : `What the cmdlet writes. The default, '${select}', ` +
          (select === "*" ? "is the whole response. " : "is that property of the response. ")) +
      `'*' writes the whole response (${responseType}); a property name or dotted path such as ` +
      `'${example}' writes that part of it; '^ParameterName' writes the value given to ` +
      "that parameter instead, which helps pass input down a pipeline.",
  };
  if (select !== NO_OUTPUT) selectParameter.defaultValue = select;
  const shared: EmittedParameter[] = [
    selectParameter,
    {
      name: "ClientConfig",
      psType: "hashtable",
      byPropertyName: true,
      help:
        "Client settings, as a hashtable: ServiceURL (an endpoint URL), RegionEndpoint (a region name), " +
        "MaxErrorRetry (retries after the first attempt) and Timeout (a TimeSpan, or milliseconds).",
    },
    {
      name: "EndpointUrl",
      psType: "string",
      byPropertyName: true,
      help:
        "The endpoint to send the request to, instead of the region's standard endpoint. Meant for " +
        "emulators and private endpoints; normal use needs only -Region.",
    },
    {
      name: "Region",
      psType: "object",
      // From the pipeline by value only where no operation parameter is: an [object]
      // parameter takes whatever a pipeline carries, so a piped user pool id would also
      // become the region. (Cmdlets with credential parameters never take it by value, as
      // in AWS Tools' credentialed base class.)
      byValue: !takesCredentialParameters(cmdlet.spec) && !cmdlet.spec.parameters.some((p) => p.pipeline?.includes("byValue")),
      byPropertyName: true,
      // Help shows positions counting from 1: 211 and 212, as on the AWS Tools reference page.
      position: 210,
      aliases: ["RegionToCall"],
      help:
        "The system name of the AWS region to call, such as us-east-1. Without it the cmdlet uses " +
        "$StoredAWSRegion (Set-DefaultAWSRegion), then the region of the default profile in -ProfileLocation " +
        "or the shared config and credentials files, then the AWS_REGION environment variable. When -Region " +
        "is given, -ProfileLocation is not read.",
    },
    {
      name: "ProfileLocation",
      psType: "string",
      byPropertyName: true,
      position: 211,
      aliases: ["AWSProfilesLocation", "ProfilesLocation"],
      help:
        "The path of a shared credentials or config file (ini format) to read the default profile's " +
        "region from. A full path is safest, as the current folder can change during a script.",
    },
  ];
  if (takesCredentialParameters(cmdlet.spec)) {
    // As in AWS Tools' credentialed base class, the region and profile parameters have no position.
    for (const p of shared) delete p.position;
    const profileLocation = shared.find((p) => p.name === "ProfileLocation")!;
    profileLocation.help =
      "The path of a shared credentials file (ini format) to read -ProfileName's (or the default " +
      "profile's) credentials and region from, instead of the standard shared credentials and config files.";
    shared.push(...credentialParameters(cmdlet.spec.auth === "signed"));
  }
  if (cmdlet.spec.pagination) {
    shared.push({
      name: "NoAutoIteration",
      psType: "switch",
      byPropertyName: true,
      help:
        `Fetch one page only. By default the cmdlet calls ${cmdlet.spec.operation} until the service ` +
        `returns no ${cmdlet.spec.pagination.nextToken}, writing each page's output as it arrives. With this ` +
        `switch (or when -${cmdlet.spec.pagination.tokenParameter} is given, even as $null) it makes one call ` +
        `starting at -${cmdlet.spec.pagination.tokenParameter}; -Select '*' then shows the next token.`,
    });
  }
  if (cmdlet.spec.shouldProcess) {
    shared.push({
      name: "Force",
      psType: "switch",
      byPropertyName: true,
      help: "Skip the confirmation prompt (-Confirm, or a ConfirmImpact at or above $ConfirmPreference). -WhatIf still only describes the call.",
    });
  }
  return shared;
}

/**
 * How signed cmdlets find AWS credentials (see the bridge's credential resolution). An
 * anonymous cmdlet with these parameters sends its request unsigned: only a profile's
 * region is used.
 */
function credentialParameters(signed: boolean): EmittedParameter[] {
  const unsigned =
    " This cmdlet's operation is authorised by the user's tokens: the request is sent unsigned, and a profile is read only for its region.";
  const parameters: EmittedParameter[] = [
    {
      name: "AccessKey",
      psType: "string",
      byPropertyName: true,
      aliases: ["AK"],
      help: "The AWS access key id to sign the request with; give -SecretKey too (and -SessionToken for temporary credentials).",
    },
    {
      name: "SecretKey",
      psType: "string",
      byPropertyName: true,
      aliases: ["SK", "SecretAccessKey"],
      help: "The secret access key that goes with -AccessKey. It is sent only to the module's Node.js process, never shown or logged.",
    },
    {
      name: "SessionToken",
      psType: "string",
      byPropertyName: true,
      aliases: ["ST"],
      help: "The session token of temporary credentials, with -AccessKey and -SecretKey.",
    },
    {
      name: "ProfileName",
      psType: "string",
      byPropertyName: true,
      aliases: ["StoredCredentials", "AWSProfileName"],
      help:
        "The name of a profile in the shared credentials and config files (or in -ProfileLocation) to take " +
        "credentials from, resolved by the AWS SDK for JavaScript (static keys, assume-role, SSO, credential_process).",
    },
    {
      name: "Credential",
      psType: "object",
      byPropertyName: true,
      help:
        "Credentials as one object: a PSCredential (user name = access key id, password = secret access key), " +
        "or an object or hashtable with AccessKey/AccessKeyId, SecretKey/SecretAccessKey and optionally SessionToken " +
        "(such as the Credentials of an STS response).",
    },
  ];
  if (!signed) for (const p of parameters) p.help += unsigned;
  return parameters;
}

/**
 * The .NET type AWS Tools gives a parameter: a model type for a structure (an array of
 * them for a list), a constant class for an enum member, else the spec type's.
 */
function parameterType(p: ParameterSpec, typeNamespace: string, enumType: string | undefined): string {
  if (p.shape && p.type === "structure") return `${typeNamespace}.${p.shape}`;
  if (p.shape && p.type === "structureList") return `${typeNamespace}.${p.shape}[]`;
  if (enumType && p.type === "string") return `${typeNamespace.replace(/\.Model$/, "")}.${enumType}`;
  return PS_TYPES[p.type];
}

/** The enum a request member (a dotted path from the request type) takes, if it takes one. */
function requestMemberEnum(model: ServiceModel | undefined, operation: string, member: string): string | undefined {
  if (!model) return undefined;
  let structure = model.structures.find((s) => s.name === `${operation}Request`);
  let type: ModelType | undefined;
  for (const segment of member.split(".")) {
    type = structure?.members.find((m) => m.name === segment)?.type;
    const name = type?.kind === "structure" ? type.name : undefined;
    structure = name ? model.structures.find((s) => s.name === name) : undefined;
  }
  return type?.kind === "enum" ? type.name : undefined;
}

function operationParameter(p: ParameterSpec, typeNamespace: string, enumType: string | undefined): EmittedParameter {
  const allow: string[] = [];
  if (p.mandatory) {
    // As in AWS Tools: a required parameter still accepts empty values; the service judges them.
    if (p.type === "string") allow.push("AllowEmptyString()");
    if (["stringList", "stringMap", "structureList", "structureMap"].includes(p.type)) allow.push("AllowEmptyCollection()");
    allow.push("AllowNull()");
  }
  const out: EmittedParameter = {
    name: p.name,
    psType: parameterType(p, typeNamespace, enumType),
    ...(p.shape ? { helpType: `${typeNamespace}.${p.shape}${p.type === "structureList" ? "[]" : ""}` } : {}),
    ...(p.shape && (p.type === "structure" || p.type === "structureList") ? { modelType: `${typeNamespace}.${p.shape}` } : {}),
    ...(enumType && p.type === "string" ? { enumType: parameterType(p, typeNamespace, enumType) } : {}),
    mandatory: p.mandatory ?? false,
    byValue: p.pipeline?.includes("byValue") ?? false,
    byPropertyName: p.pipeline?.includes("byPropertyName") ?? false,
    allow,
    help: p.help,
  };
  if (p.position !== undefined) out.position = p.position;
  if (p.aliases?.length) out.aliases = p.aliases;
  if (p.completions?.length) out.completions = p.completions;
  return out;
}

/**
 * A cmdlet's parameters in declaration order: its own, then those every cmdlet has. With
 * the service's model, typed as AWS Tools types them (model types, constant classes).
 */
export function cmdletParameters(specs: LoadedSpecs, cmdlet: LoadedCmdlet, model?: ServiceModel): EmittedParameter[] {
  const ns = specs.service.typeNamespace;
  const own = cmdlet.spec.parameters.map((p) => operationParameter(p, ns, requestMemberEnum(model, cmdlet.spec.operation, p.member ?? p.name)));
  return [...own, ...sharedParameters(specs, cmdlet)];
}

/** The shape the cmdlet writes by default: the response, or the shape at the -Select path. */
export function defaultOutputType(cmdlet: LoadedCmdlet): string | undefined {
  if (cmdlet.spec.select === NO_OUTPUT) return undefined;
  if (cmdlet.spec.select === "*") return cmdlet.spec.output.type;
  let type = cmdlet.spec.output.type;
  for (const segment of cmdlet.spec.select.split(".")) {
    const members = cmdlet.spec.output.shapes[type];
    const name = members && Object.keys(members).find((m) => m.toLowerCase() === segment.toLowerCase());
    if (!name) return undefined;
    type = members[name]!.replace(/^(list<|map<)+/, "").replace(/>+$/, "");
  }
  return cmdlet.spec.output.shapes[type] ? type : undefined;
}

export function emitManifest(specs: LoadedSpecs): string {
  const m = specs.service.module;
  const list = (items: string[]) => (items.length ? `@(\n${items.map((i) => `        ${psString(i)}`).join(",\n")}\n    )` : "@()");
  const functions = specs.cmdlets.map((c) => c.name).sort();
  const lines = [
    "# Generated by `npm run generate` from specs/. Do not edit.",
    "@{",
    // The generated cmdlets are the script module's functions; the compiled runtime they
    // call, with the session commands, is loaded first as a nested module.
    `    RootModule           = ${psString(`${m.name}.psm1`)}`,
    `    NestedModules        = @(${psString(`${m.name}.dll`)})`,
    // The service's model types (Amazon.CognitoIdentityProvider.Model.*, the constant
    // classes): loaded before the functions are parsed, so that the types they name resolve.
    `    RequiredAssemblies   = @(${psString(`${m.name}.Model.dll`)})`,
    `    ModuleVersion        = ${psString(m.version)}`,
    `    GUID                 = ${psString(m.guid)}`,
    `    Author               = ${psString(m.author)}`,
    `    CompanyName          = ${psString(m.author)}`,
    `    Copyright            = ${psString(`(c) ${m.author}. Apache License 2.0.`)}`,
    `    Description          = ${psString(m.description)}`,
    "    CompatiblePSEditions = @('Core')",
    "    PowerShellVersion    = '7.4'",
    // No FormatsToProcess: the runtime loads the format file on a runspace's first call
    // (src/dotnet/FormatViews.cs), so that the import does not rebuild the format database.
    `    FunctionsToExport    = ${list(functions)}`,
    `    CmdletsToExport      = ${list([...SHARED_COMMANDS].sort())}`,
    "    VariablesToExport    = @()",
    `    AliasesToExport      = ${list([...SHARED_ALIASES].sort())}`,
    "    PrivateData          = @{",
    "        PSData = @{",
    `            Tags         = @(${(m.tags ?? []).map(psString).join(", ")})`,
  ];
  if (m.projectUri) lines.push(`            ProjectUri   = ${psString(m.projectUri)}`);
  if (m.licenseUri) lines.push(`            LicenseUri   = ${psString(m.licenseUri)}`);
  if (m.releaseNotes) lines.push(`            ReleaseNotes = ${psString(m.releaseNotes)}`);
  lines.push("        }", "    }", "}", "");
  return lines.join("\n");
}
