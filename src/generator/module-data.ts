// Emits the module's data file (<Module>.Data.json): what the compiled runtime needs to know
// of the service and of each operation the .psm1's functions call. The runtime reads it on
// first use (src/dotnet/ModuleData.cs), so that adding a cmdlet needs no change to the
// runtime. One member per line, so that a diff shows what a spec change did.
import { selectPaths } from "../runtime/shapes.js";
import type { LoadedCmdlet, LoadedSpecs, ParameterSpec, ParameterType } from "../spec/types.js";
import { takesCredentialParameters } from "../spec/semantics.js";
import { cmdletParameters } from "./powershell.js";
import { knownRegions } from "./regions.js";

const NESTED_TYPES = new Set<ParameterType>(["structure", "structureList", "structureMap", "document"]);

export function moduleDataFileName(specs: LoadedSpecs): string {
  return `${specs.service.module.name}.Data.json`;
}

type Member = [name: string, value: unknown];

/** A JSON object with one member per line, indented by `indent`; nested values on one line. */
function object(members: Member[], indent: string): string {
  const present = members.filter(([, value]) => value !== undefined);
  const inner = indent + "  ";
  return `{\n${present.map(([name, value]) => `${inner}${JSON.stringify(name)}: ${oneLine(value)}`).join(",\n")}\n${indent}}`;
}

/** JSON on one line, spaced as a person writes it: ["a", "b"], {"name": 1}. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([name, member]) => `${JSON.stringify(name)}: ${oneLine(member)}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** Parameter names with a property, or undefined when none has it (the runtime's default: none). */
function names(spec: LoadedCmdlet["spec"], filter: (p: ParameterSpec) => boolean): string[] | undefined {
  const found = spec.parameters.filter(filter).map((p) => p.name);
  return found.length ? found : undefined;
}

function completions(specs: LoadedSpecs, cmdlet: LoadedCmdlet): Record<string, string[]> | undefined {
  const listed = cmdletParameters(specs, cmdlet).filter((p) => p.completions?.length);
  return listed.length ? Object.fromEntries(listed.map((p) => [p.name, p.completions!])) : undefined;
}

function operation(specs: LoadedSpecs, cmdlet: LoadedCmdlet): string {
  const { spec } = cmdlet;
  const pagination = spec.pagination && {
    tokenParameter: spec.pagination.tokenParameter,
    nextToken: spec.pagination.nextToken,
    ...(spec.pagination.pageSizeParameter && spec.pagination.defaultPageSize !== undefined
      ? { pageSizeParameter: spec.pagination.pageSizeParameter, defaultPageSize: spec.pagination.defaultPageSize }
      : {}),
  };
  const shouldProcess = spec.shouldProcess && (spec.shouldProcess.target ? { target: spec.shouldProcess.target } : {});
  return object(
    [
      ["cmdlet", cmdlet.name],
      ["requestType", `${specs.service.typeNamespace}.${spec.operation}Request`],
      ["select", spec.select],
      ["signed", spec.auth === "signed"],
      ["credentialParameters", takesCredentialParameters(spec)],
      ["input", spec.parameters.map((p) => p.name)],
      ["mandatory", names(spec, (p) => p.mandatory === true)],
      ["sensitive", names(spec, (p) => p.sensitive === true)],
      ["stringMaps", names(spec, (p) => p.type === "stringMap")],
      ["nested", names(spec, (p) => NESTED_TYPES.has(p.type))],
      ["blobs", names(spec, (p) => p.type === "blob")],
      ["pagination", pagination],
      ["shouldProcess", shouldProcess],
      // For completing -Select: the response's paths, and '^' with each of the cmdlet's parameters.
      ["selectPaths", selectPaths(spec.output.shapes, spec.output.type)],
      ["parameters", cmdletParameters(specs, cmdlet).map((p) => p.name)],
      // For completing the parameters whose values a spec lists (enums).
      ["completions", completions(specs, cmdlet)],
    ],
    "    ",
  );
}

export function emitModuleData(specs: LoadedSpecs): string {
  const { service } = specs;
  const byOperation = [...specs.cmdlets].sort((a, b) => (a.spec.operation < b.spec.operation ? -1 : a.spec.operation > b.spec.operation ? 1 : 0));
  const serviceMembers = object(
    [
      ["name", service.service],
      ["displayName", service.displayName],
      ["nounPrefix", service.nounPrefix],
      ["moduleVersion", service.module.version],
      // The AWS CLI's command for the service (Get-AWSCmdletName -AwsCliCommand).
      ["cliCommand", service.sdk.cliCommand ?? ""],
      // AWS_ENDPOINT_URL_<this> names the service's own endpoint variable.
      ["endpointVariableSuffix", service.sdk.serviceId.toUpperCase().replace(/ /g, "_")],
    ],
    "  ",
  );
  const regions = object([...knownRegions()], "  ");
  const operations = `{\n${byOperation.map((c) => `    ${JSON.stringify(c.spec.operation)}: ${operation(specs, c)}`).join(",\n")}\n  }`;
  return `{\n  "service": ${serviceMembers},\n  "regions": ${regions},\n  "operations": ${operations}\n}\n`;
}
