// Checks a schema cannot express: names PowerShell reserves, clashes between
// parameters, and references between the output shapes and the -Select default.
import { parseTypeRef, resolveSelectPath, responseShapes } from "../runtime/shapes.js";
import type { SpecIssue } from "./errors.js";
import { APPROVED_VERBS, COMMON_PARAMETER_NAMES, CREDENTIAL_PARAMETER_NAMES, SHARED_PARAMETER_NAMES } from "./powershell-names.js";
import { SHAPED_TYPES } from "./schema.js";
import type { CmdletSpec, LoadedCmdlet, ServiceSpec } from "./types.js";

/** Whether a cmdlet has -AccessKey, -ProfileName and the other credential parameters. */
export function takesCredentialParameters(spec: CmdletSpec): boolean {
  return spec.auth === "signed" || spec.credentialParameters === true;
}

/** The -Select default of a cmdlet that writes nothing unless asked (AWS Tools' "(none)"). */
export const NO_OUTPUT = "(none)";
import type { YamlSource } from "./yaml-source.js";

const RESERVED = new Map<string, string>([
  ...COMMON_PARAMETER_NAMES.map((n) => [n.toLowerCase(), `a PowerShell common parameter (${n})`] as const),
  ...SHARED_PARAMETER_NAMES.map((n) => [n.toLowerCase(), `a parameter every cmdlet of this module has (${n})`] as const),
]);

export function checkCmdlet(spec: CmdletSpec, source: YamlSource, service: ServiceSpec, fileStem: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (path: (string | number)[], message: string, key = false) => issues.push(source.issue(path, message, { key }));

  if (!APPROVED_VERBS.has(spec.verb)) {
    at(["verb"], `verb: '${spec.verb}' is not an approved PowerShell verb (see Get-Verb)`);
  }
  const fullName = `${spec.verb}-${service.nounPrefix}${spec.noun}`;
  if (fileStem !== fullName) {
    at([], `the file of cmdlet ${fullName} must be named ${fullName}.yaml`);
  }

  // Parameter names and aliases share one namespace, compared case-insensitively.
  const reserved = new Map(RESERVED);
  const addReserved = (names: readonly string[], what: string) =>
    names.forEach((n) => reserved.set(n.toLowerCase(), `a parameter every ${what} cmdlet has (${n})`));
  if (takesCredentialParameters(spec)) addReserved(CREDENTIAL_PARAMETER_NAMES, "credentialed");
  if (spec.auth === "signed" && spec.credentialParameters === false) {
    at(["credentialParameters"], "credentialParameters: a signed cmdlet always takes the credential parameters; remove the key or set auth: anonymous");
  }
  if (spec.shouldProcess) addReserved(["Force"], "mutating");
  if (spec.pagination) addReserved(["NoAutoIteration"], "paginated");
  const names = new Map<string, string>();
  const positions = new Map<number, string>();
  let byValue: string | undefined;
  spec.parameters.forEach((param, i) => {
    const claim = (name: string, path: (string | number)[], what: string) => {
      const lower = name.toLowerCase();
      const taken = reserved.get(lower);
      if (taken) return at(path, `parameters[${i}]: ${what} '${name}' is reserved: it is ${taken}`);
      const owner = names.get(lower);
      if (owner) return at(path, `parameters[${i}]: ${what} '${name}' clashes with ${owner}`);
      names.set(lower, `${what} '${name}' of parameter ${param.name}`);
    };
    claim(param.name, ["parameters", i, "name"], "name");
    (param.aliases ?? []).forEach((alias, j) => claim(alias, ["parameters", i, "aliases", j], "alias"));

    if (param.position !== undefined) {
      const owner = positions.get(param.position);
      if (owner) at(["parameters", i, "position"], `parameters[${i}]: position ${param.position} is already taken by ${owner}`);
      else positions.set(param.position, param.name);
    }
    const shaped = (SHAPED_TYPES as readonly string[]).includes(param.type);
    if (shaped && !param.shape) at(["parameters", i, "type"], `parameters[${i}]: a ${param.type} parameter needs 'shape', the SDK shape it takes`);
    if (!shaped && param.shape) at(["parameters", i, "shape"], `parameters[${i}]: 'shape' is only for structure, structureList and structureMap parameters`);
    if (param.pipeline?.includes("byValue")) {
      if (byValue) at(["parameters", i, "pipeline"], `parameters[${i}]: only one parameter can take pipeline input by value (${byValue} already does)`);
      else byValue = param.name;
    }
  });

  // Output shapes: every referenced type must be defined. Own keys only: with `shapes[name]`,
  // 'constructor' or 'toString' passed as defined shapes (Object.prototype has them).
  const shapes = spec.output.shapes;
  const defined = (name: string) => Object.hasOwn(shapes, name);
  if (!defined(spec.output.type)) {
    at(["output", "type"], `output.type: '${spec.output.type}' is not one of the shapes defined under output.shapes`);
  }
  for (const [shapeName, members] of Object.entries(shapes)) {
    for (const [member, type] of Object.entries(members)) {
      let ref = parseTypeRef(type);
      while (ref.item) ref = ref.item;
      if (ref.kind === "shape" && !defined(ref.name)) {
        at(["output", "shapes", shapeName, member], `output.shapes.${shapeName}.${member}: type '${ref.name}' is neither a scalar (string, integer, long, double, boolean, timestamp, blob, document) nor a shape defined under output.shapes`);
      }
    }
  }
  const parameterNames = new Set(spec.parameters.map((p) => p.name));
  const mustName = (path: (string | number)[], name: string | undefined, what: string) => {
    if (name !== undefined && !parameterNames.has(name)) at(path, `${path.join(".")}: ${what} '${name}' is not one of the cmdlet's parameters`);
  };
  if (spec.pagination) {
    mustName(["pagination", "tokenParameter"], spec.pagination.tokenParameter, "the token parameter");
    mustName(["pagination", "pageSizeParameter"], spec.pagination.pageSizeParameter, "the page size parameter");
    if (spec.pagination.defaultPageSize !== undefined) {
      const size = spec.parameters.find((p) => p.name === spec.pagination!.pageSizeParameter);
      if (!spec.pagination.pageSizeParameter) {
        at(["pagination", "defaultPageSize"], "pagination.defaultPageSize: needs pagination.pageSizeParameter, the parameter it stands in for");
      } else if (size?.mandatory) {
        at(["pagination", "defaultPageSize"], `pagination.defaultPageSize: the page size parameter '${size.name}' is mandatory, so the default would never be sent; make it optional`);
      }
    }
    const members = defined(spec.output.type) ? shapes[spec.output.type]! : {};
    if (!Object.hasOwn(members, spec.pagination.nextToken)) {
      at(["pagination", "nextToken"], `pagination.nextToken: '${spec.pagination.nextToken}' is not a member of ${spec.output.type}`);
    }
  }
  if (spec.shouldProcess) mustName(["shouldProcess", "target"], spec.shouldProcess.target, "the target");
  if (defined(spec.output.type) && spec.select !== NO_OUTPUT) {
    const resolved = resolveSelectPath(responseShapes(shapes, spec.output.type), spec.output.type, spec.select);
    if (!resolved.ok) at(["select"], `select: '${spec.select}' is not '*' or a property path of ${spec.output.type} (${resolved.reason})`);
  }
  return issues;
}

export function checkAcrossCmdlets(cmdlets: LoadedCmdlet[], sources: YamlSource[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const byName = new Map<string, string>();
  const byOperation = new Map<string, string>();
  cmdlets.forEach((cmdlet, i) => {
    const source = sources[i]!;
    const nameOwner = byName.get(cmdlet.name.toLowerCase());
    if (nameOwner) issues.push(source.issue(["noun"], `cmdlet ${cmdlet.name} is already defined in ${nameOwner}`));
    else byName.set(cmdlet.name.toLowerCase(), cmdlet.file);
    const opOwner = byOperation.get(cmdlet.spec.operation);
    if (opOwner) issues.push(source.issue(["operation"], `operation ${cmdlet.spec.operation} already has a cmdlet in ${opOwner}`));
    else byOperation.set(cmdlet.spec.operation, cmdlet.file);
  });
  return issues;
}
