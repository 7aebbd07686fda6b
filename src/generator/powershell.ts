// Emits the PowerShell side: the root module (.psm1) with one advanced function per
// cmdlet, and the module manifest (.psd1).
import type { LoadedCmdlet, LoadedSpecs, ParameterSpec, ParameterType } from "../spec/types.js";
import { helpText, psString, wrap } from "./text.js";

export const RUNTIME_FILE = "Bridge.Runtime.ps1";
export const BRIDGE_FILE = "bridge.cjs";

const PS_TYPES: Record<ParameterType, string> = {
  string: "string",
  integer: "int",
  long: "long",
  double: "double",
  boolean: "bool",
  timestamp: "datetime",
  stringList: "string[]",
  stringMap: "hashtable",
};

interface EmittedParameter {
  name: string;
  psType: string;
  mandatory?: boolean;
  byValue?: boolean;
  byPropertyName?: boolean;
  position?: number;
  aliases?: string[];
  allow?: string[];
  defaultValue?: string;
  help: string;
}

/** Parameters every cmdlet has, after its own, as in AWS Tools for PowerShell. */
function sharedParameters(specs: LoadedSpecs, cmdlet: LoadedCmdlet): EmittedParameter[] {
  const responseType = `${specs.service.typeNamespace}.${cmdlet.spec.output.type}`;
  return [
    {
      name: "Select",
      psType: "string",
      byPropertyName: true,
      defaultValue: cmdlet.spec.select,
      help:
        `What the cmdlet writes. The default, '${cmdlet.spec.select}', ` +
        (cmdlet.spec.select === "*" ? "is the whole response. " : "is that property of the response. ") +
        `'*' writes the whole response (${responseType}); a property name or dotted path such as ` +
        `'CodeDeliveryDetails.Destination' writes that part of it; '^ParameterName' writes the value given to ` +
        "that parameter instead, which helps pass input down a pipeline.",
    },
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
      byValue: true,
      byPropertyName: true,
      position: 211,
      aliases: ["RegionToCall"],
      help:
        "The system name of the AWS region to call, such as us-east-1. Without it the cmdlet uses " +
        "$StoredAWSRegion (Set-DefaultAWSRegion), then the AWS_REGION environment variable.",
    },
    {
      name: "ProfileLocation",
      psType: "string",
      byPropertyName: true,
      position: 212,
      aliases: ["AWSProfilesLocation", "ProfilesLocation"],
      help:
        "The path of a shared credentials or config file (ini format) to read the default profile's " +
        "region from. A full path is safest, as the current folder can change during a script.",
    },
  ];
}

function operationParameter(p: ParameterSpec): EmittedParameter {
  const allow: string[] = [];
  if (p.mandatory) {
    // As in AWS Tools: a required parameter still accepts empty values; the service judges them.
    if (p.type === "string") allow.push("AllowEmptyString()");
    if (p.type === "stringList" || p.type === "stringMap") allow.push("AllowEmptyCollection()");
    allow.push("AllowNull()");
  }
  const out: EmittedParameter = {
    name: p.name,
    psType: PS_TYPES[p.type],
    mandatory: p.mandatory ?? false,
    byValue: p.pipeline?.includes("byValue") ?? false,
    byPropertyName: p.pipeline?.includes("byPropertyName") ?? false,
    allow,
    help: p.help,
  };
  if (p.position !== undefined) out.position = p.position;
  if (p.aliases?.length) out.aliases = p.aliases;
  return out;
}

function emitParameter(p: EmittedParameter): string[] {
  const args: string[] = [];
  if (p.mandatory) args.push("Mandatory = $true");
  if (p.position !== undefined) args.push(`Position = ${p.position}`);
  if (p.byValue) args.push("ValueFromPipeline = $true");
  if (p.byPropertyName) args.push("ValueFromPipelineByPropertyName = $true");
  const lines = [`        [Parameter(${args.join(", ")})]`];
  for (const a of p.allow ?? []) lines.push(`        [${a}]`);
  if (p.aliases?.length) lines.push(`        [Alias(${p.aliases.map(psString).join(", ")})]`);
  lines.push(`        [${p.psType}]`);
  lines.push(`        $${p.name}${p.defaultValue !== undefined ? ` = ${psString(p.defaultValue)}` : ""}`);
  return lines;
}

function emitFunction(specs: LoadedSpecs, cmdlet: LoadedCmdlet): string[] {
  const { spec } = cmdlet;
  const ns = specs.service.typeNamespace;
  const defaultOutput = spec.select === "*" ? spec.output.type : outputTypeOf(cmdlet);
  const parameters = [...spec.parameters.map(operationParameter), ...sharedParameters(specs, cmdlet)];

  const help: string[] = ["    <#", "    .SYNOPSIS", ...wrap(helpText(spec.synopsis), "    "), "", "    .DESCRIPTION"];
  help.push(...wrap(helpText(spec.description), "    "));
  help.push("", ...wrap(`Calls the ${specs.service.displayName} ${spec.operation} operation through the AWS SDK for JavaScript.`, "    "));
  for (const p of parameters) help.push("", `    .PARAMETER ${p.name}`, ...wrap(helpText(p.help), "    "));
  for (const example of spec.examples ?? []) {
    help.push("", "    .EXAMPLE", ...example.code.split("\n").map((l) => `    ${helpText(l)}`));
    if (example.remarks) help.push("", ...wrap(helpText(example.remarks), "    "));
  }
  help.push("", "    .OUTPUTS", `    ${defaultOutput ? `${ns}.${defaultOutput}` : "None"}`);
  help.push("", "    .LINK", `    https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_${spec.operation}.html`, "    #>");

  const inputNames = spec.parameters.map((p) => psString(p.name)).join(", ");
  const lines = [`function ${cmdlet.name} {`, ...help, "    [CmdletBinding()]"];
  if (defaultOutput) lines.push(`    [OutputType(${psString(`${ns}.${defaultOutput}`)})]`);
  lines.push("    param(");
  parameters.forEach((p, i) => {
    lines.push(...emitParameter(p));
    if (i < parameters.length - 1) lines[lines.length - 1] += ",";
    lines.push("");
  });
  lines.pop();
  lines.push(
    "    )",
    "",
    "    process {",
    `        Invoke-ServiceOperation -Cmdlet $PSCmdlet -Bound $PSBoundParameters -Operation ${psString(spec.operation)} -InputParameters @(${inputNames}) -DefaultSelect ${psString(spec.select)}`,
    "    }",
    "}",
  );
  return lines;
}

/** The type of what the cmdlet writes by default: the shape at the -Select path. */
function outputTypeOf(cmdlet: LoadedCmdlet): string | undefined {
  let type = cmdlet.spec.output.type;
  for (const segment of cmdlet.spec.select.split(".")) {
    const members = cmdlet.spec.output.shapes[type];
    const name = members && Object.keys(members).find((m) => m.toLowerCase() === segment.toLowerCase());
    if (!name) return undefined;
    type = members[name]!.replace(/^(list<|map<)+/, "").replace(/>+$/, "");
  }
  return cmdlet.spec.output.shapes[type] ? type : undefined;
}

export function emitRootModule(specs: LoadedSpecs): string {
  const lines = [
    "# Generated by `npm run generate` from specs/. Do not edit: change the specs or the generator.",
    "",
    `. (Join-Path -Path $PSScriptRoot -ChildPath ${psString(RUNTIME_FILE)})`,
  ];
  for (const cmdlet of specs.cmdlets) lines.push("", ...emitFunction(specs, cmdlet));
  lines.push("");
  return lines.join("\n");
}

export function emitManifest(specs: LoadedSpecs): string {
  const m = specs.service.module;
  const list = (items: string[]) => (items.length ? `@(\n${items.map((i) => `        ${psString(i)}`).join(",\n")}\n    )` : "@()");
  const functions = specs.cmdlets.map((c) => c.name).sort();
  const lines = [
    "# Generated by `npm run generate` from specs/. Do not edit.",
    "@{",
    `    RootModule           = ${psString(`${m.name}.psm1`)}`,
    `    ModuleVersion        = ${psString(m.version)}`,
    `    GUID                 = ${psString(m.guid)}`,
    `    Author               = ${psString(m.author)}`,
    `    CompanyName          = ${psString(m.author)}`,
    `    Copyright            = ${psString(`(c) ${m.author}. Apache License 2.0.`)}`,
    `    Description          = ${psString(m.description)}`,
    "    CompatiblePSEditions = @('Core')",
    "    PowerShellVersion    = '7.2'",
    `    FunctionsToExport    = ${list(functions)}`,
    "    CmdletsToExport      = @()",
    "    VariablesToExport    = @()",
    "    AliasesToExport      = @()",
    "    PrivateData          = @{",
    "        PSData = @{",
    `            Tags       = @(${(m.tags ?? []).map(psString).join(", ")})`,
  ];
  if (m.projectUri) lines.push(`            ProjectUri = ${psString(m.projectUri)}`);
  if (m.licenseUri) lines.push(`            LicenseUri = ${psString(m.licenseUri)}`);
  lines.push("        }", "    }", "}", "");
  return lines.join("\n");
}
