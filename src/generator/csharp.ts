// Emits the compiled side of the module: one C# cmdlet class per spec (its parameters
// and its operation), and the module's data (regions, -Select paths, listed values).
// The cmdlets are compiled rather than script functions because PowerShell parses every
// script function of a module on each import: for 140 cmdlets that was 250-300 ms,
// where loading an assembly's cmdlets costs a few milliseconds.
import { selectPaths } from "../runtime/shapes.js";
import type { LoadedCmdlet, LoadedSpecs, ParameterType } from "../spec/types.js";
import { takesCredentialParameters } from "../spec/semantics.js";
import { cmdletParameters, defaultOutputType, type EmittedParameter } from "./powershell.js";
import { knownRegions } from "./regions.js";
import { xml } from "./text.js";

const NESTED_TYPES = new Set<ParameterType>(["structure", "structureList", "structureMap", "document"]);

/** PowerShell parameter types (as help names them) and their C# property types. */
const CS_TYPES: Record<string, string> = {
  string: "string?",
  int: "int",
  long: "long",
  double: "double",
  bool: "bool",
  datetime: "DateTime",
  "string[]": "string[]?",
  hashtable: "Hashtable?",
  object: "object?",
  "object[]": "object[]?",
  "byte[]": "byte[]?",
  switch: "SwitchParameter",
};

const CS_KEYWORDS = new Set(
  ("abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else " +
    "enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long " +
    "namespace new null object operator out override params private protected public readonly ref return sbyte sealed short " +
    "sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while").split(" "),
);

/** A C# string literal (JSON's escapes are C#'s). */
export function csString(value: string): string {
  return JSON.stringify(value);
}

function csArray(items: string[]): string {
  return items.length ? `new[] { ${items.map(csString).join(", ")} }` : "Array.Empty<string>()";
}

/**
 * AWS Tools' class name for the cmdlet, such as GetCGIPUserAttributeVerificationCodeCmdlet:
 * PowerShell ends each error's FullyQualifiedErrorId with the cmdlet's full class name, so
 * scripts that match it exactly keep working.
 */
export function cmdletClassName(cmdlet: LoadedCmdlet): string {
  return `${cmdlet.name.replace(/-/g, "")}Cmdlet`;
}

export function cmdletNamespace(specs: LoadedSpecs): string {
  return `Amazon.PowerShell.Cmdlets.${specs.service.nounPrefix}`;
}

export function cmdletFileName(cmdlet: LoadedCmdlet): string {
  return `Cmdlets/${cmdlet.name}.cs`;
}

function propertyName(name: string): string {
  return CS_KEYWORDS.has(name) ? `@${name}` : name;
}

function emitProperty(p: EmittedParameter): string[] {
  const args: string[] = [];
  if (p.mandatory) args.push("Mandatory = true");
  if (p.position !== undefined) args.push(`Position = ${p.position}`);
  if (p.byValue) args.push("ValueFromPipeline = true");
  if (p.byPropertyName) args.push("ValueFromPipelineByPropertyName = true");
  const attributes = [`[Parameter(${args.join(", ")})]`];
  if (p.allow?.length) attributes.push(`[${p.allow.map((a) => a.replace(/\(\)$/, "")).join(", ")}]`);
  if (p.aliases?.length) attributes.push(`[Alias(${p.aliases.map(csString).join(", ")})]`);
  // Tab completion: -Select's paths, the SDK's regions, and the values a spec lists
  // (others are still accepted).
  if (p.name === "Select") attributes.push("[ArgumentCompleter(typeof(SelectCompleter))]");
  else if (p.name === "Region") attributes.push("[ArgumentCompleter(typeof(RegionCompleter))]");
  else if (p.completions?.length) attributes.push("[ArgumentCompleter(typeof(ListedValuesCompleter))]");
  // Every string parameter refuses hashtables, arrays and script blocks; one that takes
  // pipeline input by value names itself, so that piped objects bind by property.
  if (p.psType === "string") {
    const names = p.byValue ? [p.name, ...(p.aliases ?? [])].map(csString).join(", ") : "";
    attributes.push(names ? `[StrictString(${names})]` : "[StrictString]");
  }
  const type = CS_TYPES[p.psType];
  if (!type) throw new Error(`no C# type for the PowerShell type ${p.psType}`);
  const initial = p.defaultValue !== undefined ? ` = ${csString(p.defaultValue)};` : "";
  return [`        ${attributes.join(" ")}`, `        public ${type} ${propertyName(p.name)} { get; set; }${initial}`];
}

function emitOperation(specs: LoadedSpecs, cmdlet: LoadedCmdlet): string[] {
  const { spec } = cmdlet;
  const names = (filter: (p: (typeof spec.parameters)[number]) => boolean) => csArray(spec.parameters.filter(filter).map((p) => p.name));
  const lines = [
    // A leading underscore: no parameter name has one, so the two never clash.
    "        private static readonly OperationInfo _operation = new OperationInfo",
    "        {",
    `            Name = ${csString(spec.operation)},`,
    `            Cmdlet = ${csString(cmdlet.name)},`,
    `            RequestType = ${csString(`${specs.service.typeNamespace}.${spec.operation}Request`)},`,
    `            DefaultSelect = ${csString(spec.select)},`,
    `            Signed = ${spec.auth === "signed"},`,
    `            CredentialParameters = ${takesCredentialParameters(spec)},`,
    `            InputParameters = ${names(() => true)},`,
    `            Mandatory = ${names((p) => p.mandatory === true)},`,
    `            Sensitive = ${names((p) => p.sensitive === true)},`,
    `            StringMaps = ${names((p) => p.type === "stringMap")},`,
    `            Nested = ${names((p) => NESTED_TYPES.has(p.type))},`,
    `            Blobs = ${names((p) => p.type === "blob")},`,
  ];
  if (spec.pagination) {
    lines.push(`            PageTokenParameter = ${csString(spec.pagination.tokenParameter)},`, `            NextPageToken = ${csString(spec.pagination.nextToken)},`);
    if (spec.pagination.pageSizeParameter && spec.pagination.defaultPageSize !== undefined) {
      lines.push(`            PageSizeParameter = ${csString(spec.pagination.pageSizeParameter)},`, `            DefaultPageSize = ${spec.pagination.defaultPageSize},`);
    }
  }
  if (spec.shouldProcess) {
    lines.push("            ShouldProcess = true,");
    if (spec.shouldProcess.target) lines.push(`            ShouldProcessTarget = ${csString(spec.shouldProcess.target)},`);
  }
  lines.push("        };");
  return lines;
}

export function emitCmdlet(specs: LoadedSpecs, cmdlet: LoadedCmdlet): string {
  const { spec } = cmdlet;
  const dash = cmdlet.name.indexOf("-");
  const verb = cmdlet.name.slice(0, dash);
  const noun = cmdlet.name.slice(dash + 1);
  const binding = [csString(verb), csString(noun)];
  if (spec.shouldProcess) binding.push("SupportsShouldProcess = true", `ConfirmImpact = ConfirmImpact.${spec.shouldProcess.impact}`);
  const output = defaultOutputType(cmdlet);
  const lines = [
    `// Generated by \`npm run generate\` from specs/cmdlets/${cmdlet.file.split(/[\\/]/).pop()}. Do not edit: change the spec or the generator.`,
    "using System;",
    "using System.Collections;",
    "using System.Management.Automation;",
    "using CmdletBridge;",
    "",
    `namespace ${cmdletNamespace(specs)}`,
    "{",
    `    /// <summary>${xml(spec.synopsis.replace(/\s+/g, " ").trim())}</summary>`,
    `    [Cmdlet(${binding.join(", ")})]`,
  ];
  if (output) lines.push(`    [OutputType(${csString(`${specs.service.typeNamespace}.${output}`)})]`);
  lines.push(`    public sealed class ${cmdletClassName(cmdlet)} : ServiceCmdlet`, "    {");
  lines.push(...emitOperation(specs, cmdlet), "");
  lines.push(`        public ${cmdletClassName(cmdlet)}() : base(_operation)`, "        {", "        }");
  for (const p of cmdletParameters(specs, cmdlet)) lines.push("", ...emitProperty(p));
  lines.push("    }", "}", "");
  return lines.join("\n");
}

/**
 * The module's data for the runtime: the regions the AWS SDK for JavaScript knows, each
 * cmdlet's -Select paths and parameter names (for completion), and the values specs list.
 * Tables are built on first use, so that importing the module does not pay for them.
 */
export function emitModuleData(specs: LoadedSpecs): string {
  const lines = [
    "// Generated by `npm run generate` from specs/. Do not edit: change the specs or the generator.",
    "using System;",
    "using System.Collections.Generic;",
    "",
    "namespace CmdletBridge",
    "{",
    "    public static class ModuleData",
    "    {",
    `        public const string ServiceName = ${csString(specs.service.service)};`,
    `        public const string ServiceDisplayName = ${csString(specs.service.displayName)};`,
    `        public const string NounPrefix = ${csString(specs.service.nounPrefix)};`,
    `        public const string ModuleVersion = ${csString(specs.service.module.version)};`,
    "        /// <summary>The AWS CLI's command for the service (Get-AWSCmdletName -AwsCliCommand).</summary>",
    `        public const string CliCommand = ${csString(specs.service.sdk.cliCommand ?? "")};`,
    "        /// <summary>AWS_ENDPOINT_URL_<this> names the service's own endpoint variable.</summary>",
    `        public const string ServiceIdVariableSuffix = ${csString(specs.service.sdk.serviceId.toUpperCase().replace(/ /g, "_"))};`,
    "",
    "        /// <summary>The regions the AWS SDK for JavaScript knows, with their descriptions.</summary>",
    "        public static readonly IReadOnlyDictionary<string, string> KnownRegions = new Dictionary<string, string>",
    "        {",
    ...[...knownRegions()].map(([name, description]) => `            [${csString(name)}] = ${csString(description)},`),
    "        };",
    "",
    "        private static Dictionary<string, string[]>? _selectPaths;",
    "        private static Dictionary<string, string[]>? _parameterNames;",
    "        private static Dictionary<string, string[]>? _listedValues;",
    "        private static KeyValuePair<string, string>[]? _operations;",
    "",
    "        /// <summary>The response paths -Select takes for a cmdlet.</summary>",
    "        public static string[] SelectPaths(string cmdlet) => Find(_selectPaths ??= BuildSelectPaths(), cmdlet);",
    "",
    "        /// <summary>A cmdlet's own parameters, in declaration order (for -Select '^Parameter').</summary>",
    "        public static string[] ParameterNames(string cmdlet) => Find(_parameterNames ??= BuildParameterNames(), cmdlet);",
    "",
    "        /// <summary>The values a spec lists for a parameter (enums), for completion.</summary>",
    '        public static string[] ListedValues(string cmdlet, string parameter) => Find(_listedValues ??= BuildListedValues(), cmdlet + "|" + parameter);',
    "",
    "        /// <summary>Each cmdlet and the operation it calls, by cmdlet name (Get-AWSCmdletName).</summary>",
    "        public static KeyValuePair<string, string>[] Operations => _operations ??= BuildOperations();",
    "",
    "        private static string[] Find(Dictionary<string, string[]> table, string key) => table.TryGetValue(key, out string[]? values) ? values : Array.Empty<string>();",
    "",
    "        private static Dictionary<string, string[]> BuildSelectPaths() => new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)",
    "        {",
  ];
  for (const cmdlet of specs.cmdlets) {
    lines.push(`            [${csString(cmdlet.name)}] = ${csArray(selectPaths(cmdlet.spec.output.shapes, cmdlet.spec.output.type))},`);
  }
  lines.push("        };", "", "        private static Dictionary<string, string[]> BuildParameterNames() => new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)", "        {");
  for (const cmdlet of specs.cmdlets) {
    lines.push(`            [${csString(cmdlet.name)}] = ${csArray(cmdletParameters(specs, cmdlet).map((p) => p.name))},`);
  }
  lines.push("        };", "", "        private static Dictionary<string, string[]> BuildListedValues() => new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)", "        {");
  for (const cmdlet of specs.cmdlets) {
    for (const p of cmdletParameters(specs, cmdlet)) {
      if (p.completions?.length) lines.push(`            [${csString(`${cmdlet.name}|${p.name}`)}] = ${csArray(p.completions)},`);
    }
  }
  lines.push("        };", "", "        private static KeyValuePair<string, string>[] BuildOperations() => new[]", "        {");
  for (const cmdlet of [...specs.cmdlets].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`            new KeyValuePair<string, string>(${csString(cmdlet.name)}, ${csString(cmdlet.spec.operation)}),`);
  }
  lines.push("        };", "    }", "}", "");
  return lines.join("\n");
}
