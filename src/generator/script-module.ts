// Emits the module's cmdlets as a script module (.psm1): one advanced function per spec,
// with the parameters AWS Tools gives the cmdlet, whose body hands the bound parameters to
// the compiled runtime (src/dotnet, ServiceCall). What the runtime needs to know of each
// operation is in the module's data file (module-data.ts), so the runtime does not depend on
// which cmdlets exist.
import type { ServiceModel } from "../sdk-schema/model.js";
import type { LoadedCmdlet, LoadedSpecs } from "../spec/types.js";
import { helpFileName } from "./help.js";
import { cmdletParameters, defaultOutputType, type EmittedParameter } from "./powershell.js";
import { psString, wrap } from "./text.js";

/** The function's own variable for the runtime's call object: no parameter may share its name. */
const CALL_VARIABLE = "call";

/**
 * Value types are nullable, as AWS Tools declares them (Int32?, Boolean?): $null means not
 * set, where a function's [int] would turn it into 0 and send that.
 */
const NULLABLE = new Set(["int", "long", "double", "bool", "datetime"]);

export function scriptModuleFileName(specs: LoadedSpecs): string {
  return `${specs.service.module.name}.psm1`;
}

function parameterAttributes(p: EmittedParameter): string {
  const binding: string[] = [];
  if (p.mandatory) binding.push("Mandatory");
  if (p.position !== undefined) binding.push(`Position = ${p.position}`);
  if (p.byValue) binding.push("ValueFromPipeline");
  if (p.byPropertyName) binding.push("ValueFromPipelineByPropertyName");
  const attributes = [`[Parameter(${binding.join(", ")})]`];
  for (const allow of p.allow ?? []) attributes.push(`[${allow}]`);
  if (p.aliases?.length) attributes.push(`[Alias(${p.aliases.map(psString).join(", ")})]`);
  // Tab completion, from the module's data: -Select's paths, the SDK's regions, and the
  // values a spec lists (enums; any other value is still accepted).
  if (p.name === "Select") attributes.push("[ArgumentCompleter([CmdletBridge.SelectCompleter])]");
  else if (p.name === "Region") attributes.push("[ArgumentCompleter([CmdletBridge.RegionCompleter])]");
  else if (p.completions?.length) attributes.push("[ArgumentCompleter([CmdletBridge.ListedValuesCompleter])]");
  // Hashtables and objects for a model type reach the bridge as given, for its checks.
  if (p.modelType) attributes.push(`[CmdletBridge.ModelInput(${psString(p.modelType)})]`);
  // Every string parameter refuses hashtables, arrays and script blocks; one that takes
  // pipeline input by value names itself, so that piped objects bind by property.
  if (p.psType === "string") {
    const names = p.byValue ? [p.name, ...(p.aliases ?? [])].map(psString).join(", ") : "";
    attributes.push(`[CmdletBridge.StrictString(${names})]`);
  } else if (p.enumType) {
    // An enum takes its constant class, and strings: the same refusals, and $null stays $null.
    attributes.push("[CmdletBridge.StrictString(Enum)]");
  }
  return attributes.join(" ");
}

function parameterDeclaration(p: EmittedParameter): string[] {
  const initial = p.defaultValue !== undefined ? ` = ${psString(p.defaultValue)}` : "";
  const type = NULLABLE.has(p.psType) ? `Nullable[${p.psType}]` : p.psType;
  return [`        ${parameterAttributes(p)}`, `        [${type}] $${p.name}${initial}`];
}

export function emitFunction(specs: LoadedSpecs, cmdlet: LoadedCmdlet, model?: ServiceModel): string[] {
  const { spec } = cmdlet;
  const parameters = cmdletParameters(specs, cmdlet, model);
  if (parameters.some((p) => p.name.toLowerCase() === CALL_VARIABLE)) {
    throw new Error(`${cmdlet.name}: a parameter named ${CALL_VARIABLE} would clash with the function's own variable`);
  }
  const binding: string[] = [];
  // A function whose parameters declare no position would take them all by position, in
  // order; a compiled cmdlet (and AWS Tools) takes none.
  if (parameters.every((p) => p.position === undefined)) binding.push("PositionalBinding = $false");
  if (spec.shouldProcess) binding.push("SupportsShouldProcess", `ConfirmImpact = ${psString(spec.shouldProcess.impact)}`);
  const output = defaultOutputType(cmdlet);
  const lines = [`# .ExternalHelp ${helpFileName(specs).split("/").pop()}`, `function ${cmdlet.name} {`, `    [CmdletBinding(${binding.join(", ")})]`];
  if (output) lines.push(`    [OutputType(${psString(`${specs.service.typeNamespace}.${output}`)})]`);
  lines.push("    param(");
  parameters.forEach((p, i) => {
    const declaration = parameterDeclaration(p);
    if (i < parameters.length - 1) declaration[1] += ",";
    lines.push(...declaration);
    if (i < parameters.length - 1) lines.push("");
  });
  // As a compiled cmdlet's BeginProcessing, ProcessRecord and EndProcessing: the caller's
  // preferences and $AWSHistory's entry come before the first piped object is bound.
  lines.push(
    "    )",
    "",
    `    begin { $${CALL_VARIABLE} = [CmdletBridge.ServiceCall]::new($PSCmdlet, ${psString(spec.operation)}) }`,
    `    process { $${CALL_VARIABLE}.Process($PSBoundParameters) }`,
    `    end { $${CALL_VARIABLE}.Complete() }`,
    "}",
  );
  return lines;
}

export function emitScriptModule(specs: LoadedSpecs, model?: ServiceModel): string {
  const name = specs.service.module.name;
  const cmdlets = [...specs.cmdlets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = [
    "# Generated by `npm run generate` from specs/. Do not edit: change the specs or the generator.",
    "#",
    ...wrap(
      `One advanced function per cmdlet spec. Each declares the cmdlet's parameters and hands them to the module's ` +
        `runtime (${name}.dll), which builds the request, sends it to the Node.js bridge and writes the reply. ` +
        `What the runtime knows of each operation is in ${name}.Data.json.`,
      "# ",
    ),
  ];
  for (const cmdlet of cmdlets) lines.push("", ...emitFunction(specs, cmdlet, model));
  lines.push("");
  return lines.join("\n");
}
