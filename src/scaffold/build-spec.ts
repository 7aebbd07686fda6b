// Builds the spec of one cmdlet from an operation's SDK schema, the SDK's docs, and its
// naming. Parameter naming follows AWS Tools for PowerShell's generator, so that
// scripts written for it bind the same names:
//   - a name ending in a plural "s" is made singular, and the SDK name kept as an alias
//     (UserAttributes -> -UserAttribute, alias UserAttributes);
//   - a structure member of the request is flattened into one parameter per leaf,
//     named Parent_Member (Policies.PasswordPolicy.MinimumLength ->
//     -PasswordPolicy_MinimumLength, alias Policies_PasswordPolicy_MinimumLength);
//     structures inside lists and maps stay whole (arrays of hashtables), and so do the
//     few that AWS Tools keeps whole (specs/scaffold/aws-tools-parameters.tsv, which also
//     holds its renames, such as CompleteWebAuthnRegistration's -WebAuthnCredential);
//   - the pipeline parameter takes position 0; every parameter binds by property name.
import type { CmdletSpec, ParameterSpec, ParameterType, ShapeTable } from "../spec/types.js";
import { describeKeys, type MemberNode, type OperationNode, type SchemaNode, type StructureNode } from "../sdk-schema/schema.js";
import { firstSentence } from "./html-text.js";
import { singular, type OperationNaming, type ParameterRule } from "./names.js";
import type { Paginator } from "./sdk-facts.js";
import { enumOf, type SdkDocs } from "./sdk-docs.js";

export interface ScaffoldContext {
  docs: SdkDocs;
  anonymous: Set<string>;
  paginators: Map<string, Paginator>;
  /** AWS Tools' departures from the flattening rule, per operation and request member. */
  parameterRules: Map<string, Map<string, ParameterRule>>;
}

/** Verbs that never change anything, so get no -WhatIf/-Confirm (as in AWS Tools). */
const READ_ONLY_VERBS = new Set(["Get", "Test", "Find"]);
const TARGET_SUFFIXES = ["Id", "Name", "Arn", "Identifier"];

/** A parameter name AWS Tools would make singular: a lower-case letter, then a plural s. */
export function psParameterName(name: string): string {
  return /[a-z]s$/.test(name) ? singular(name) : name;
}

interface Leaf {
  path: MemberNode[];
  required: boolean;
}

/** The request members, with structures flattened down to their leaves (but those kept whole). */
function leaves(members: MemberNode[], parents: MemberNode[], required: boolean, seen: Set<string>, rules: Map<string, ParameterRule> | undefined): Leaf[] {
  const out: Leaf[] = [];
  for (const member of members) {
    const type = member.type;
    const isRequired = required && member.required;
    const whole = parents.length === 0 && rules?.get(member.name)?.whole === true;
    if (type.kind === "structure" && !whole && !seen.has(type.name) && type.members.length > 0) {
      out.push(...leaves(type.members, [...parents, member], isRequired, new Set([...seen, type.name]), undefined));
    } else {
      out.push({ path: [...parents, member], required: isRequired });
    }
  }
  return out;
}

function parameterType(type: SchemaNode): { type: ParameterType; shape?: string } {
  switch (type.kind) {
    case "string":
    case "boolean":
    case "timestamp":
    case "blob":
    case "document":
      return { type: type.kind };
    case "number":
      return { type: "integer" };
    case "structure":
      return { type: "structure", shape: type.name };
    case "list":
      if (type.item.kind === "structure") return { type: "structureList", shape: type.item.name };
      if (type.item.kind === "string") return { type: "stringList" };
      throw new Error(`unsupported list of ${type.item.kind}`);
    case "map":
      if (type.value.kind === "structure") return { type: "structureMap", shape: type.value.name };
      if (type.value.kind === "string") return { type: "stringMap" };
      throw new Error(`unsupported map of ${type.value.kind}`);
  }
}


function memberHelp(ctx: ScaffoldContext, owner: string, leaf: MemberNode, param: { type: ParameterType }): string {
  const documented = ctx.docs.shapes.get(owner)?.get(leaf.name)?.doc;
  let help = documented || `The ${leaf.name} member of ${owner}.`;
  const t = leaf.type;
  const item = t.kind === "list" ? t.item : t.kind === "map" ? t.value : t;
  if (item.kind === "structure") {
    const what = param.type === "structureList" ? "Each item is" : param.type === "structureMap" ? "Each value is" : "Give";
    help += `\n\n${what} a hashtable or object (${item.name}) with the keys ${describeKeys(item)}.`;
  }
  if (t.kind === "document") help += "\n\nGive a hashtable, array or value: it is sent as JSON.";
  if (t.kind === "blob") help += "\n\nGive a byte array.";
  return help;
}

/**
 * List operations the SDK ships no paginator for (ListDevices, ListTerms...) page the
 * same way: a NextToken or PaginationToken in both request and response, and a Limit or
 * MaxResults page size.
 */
export function inferPaginator(op: OperationNode): Paginator | undefined {
  const names = (s: StructureNode) => new Set(s.members.map((m) => m.name));
  const input = names(op.input);
  const output = names(op.output);
  const token = ["NextToken", "PaginationToken"].find((t) => input.has(t) && output.has(t));
  if (!token) return undefined;
  const pageSize = ["Limit", "MaxResults"].find((p) => input.has(p));
  return { inputToken: token, outputToken: token, ...(pageSize ? { pageSize } : {}) };
}

export function buildSpec(op: OperationNode, naming: OperationNaming, ctx: ScaffoldContext): CmdletSpec {
  const paginator = naming.paging?.auto === false ? undefined : (ctx.paginators.get(op.name) ?? inferPaginator(op));
  // AWS Tools' page size, sent when the page size parameter is not given: that parameter is
  // then optional even where the SDK requires the member (ListUserPools' MaxResults).
  const defaultPageSize = paginator?.pageSize ? naming.paging?.defaultPageSize : undefined;
  const rules = ctx.parameterRules.get(op.name);
  const used = new Set<string>();
  const parameters: ParameterSpec[] = [];
  for (const leaf of leaves(op.input.members, [], true, new Set([op.input.name]), rules)) {
    const member = leaf.path[leaf.path.length - 1]!;
    const sdkPath = leaf.path.map((m) => m.name);
    const owner = leaf.path.length > 1 ? (leaf.path[leaf.path.length - 2]!.type as StructureNode).name : op.input.name;
    const renamed = leaf.path.length === 1 ? rules?.get(member.name)?.parameter : undefined;
    let name = renamed ?? psParameterName(member.name);
    const aliases: string[] = [];
    if (leaf.path.length > 1) {
      name = `${leaf.path[leaf.path.length - 2]!.name}_${name}`;
      const full = `${sdkPath.slice(0, -1).join("_")}_${member.name}`;
      if (full !== name) aliases.push(full);
    } else if (name !== member.name && !renamed) {
      aliases.push(member.name);
    }
    if (used.has(name.toLowerCase())) name = sdkPath.join("_");
    used.add(name.toLowerCase());
    if (paginator?.inputToken === member.name && leaf.path.length === 1 && member.name !== "NextToken") aliases.push("NextToken");
    const isPageSize = paginator?.pageSize === member.name && leaf.path.length === 1;
    // AWS Tools keeps MaxItems (its old name for a total limit) where it has a default page size.
    if (isPageSize && defaultPageSize !== undefined) aliases.push("MaxItems");
    const { type, shape } = parameterType(member.type);
    const spec: ParameterSpec = { name, type, help: memberHelp(ctx, owner, member, { type }) };
    if (sdkPath.length > 1 || name !== member.name) spec.member = sdkPath.join(".");
    if (shape) spec.shape = shape;
    if (leaf.required && !(isPageSize && defaultPageSize !== undefined)) spec.mandatory = true;
    // The naming table gives the pipeline parameter by its AWS Tools name, which for a
    // flattened member is Parent_Member (GetProvisionedLimit: LimitDefinition_LimitClass).
    const isPipeline = naming.pipeline === name || (leaf.path.length === 1 && naming.pipeline === member.name);
    spec.pipeline = isPipeline ? ["byValue", "byPropertyName"] : ["byPropertyName"];
    if (isPipeline) spec.position = 0;
    const uniqueAliases = [...new Set(aliases.filter((a) => a !== name))];
    if (uniqueAliases.length) spec.aliases = uniqueAliases;
    if (member.sensitive) spec.sensitive = true;
    const declared = ctx.docs.shapes.get(owner)?.get(member.name)?.type;
    const values = declared ? enumOf(declared, ctx.docs.enums) : undefined;
    if (values?.length) spec.completions = values;
    parameters.push(spec);
  }
  // The pipeline parameter first, as in AWS Tools' parameter lists.
  parameters.sort((a, b) => (a.position === 0 ? -1 : b.position === 0 ? 1 : 0));

  const description = ctx.docs.operations.get(op.name) ?? `Calls the ${op.name} operation.`;
  const outputType = op.output.name === "Unit" ? `${op.name}Response` : op.output.name;
  const auth = ctx.anonymous.has(op.name) ? "anonymous" : "signed";
  const spec: CmdletSpec = {
    verb: naming.verb,
    noun: naming.noun,
    operation: op.name,
    auth,
    // AWS Tools gives every cmdlet but a few its credentialed base class's parameters.
    ...(auth === "anonymous" && naming.base !== "anonymous" ? { credentialParameters: true } : {}),
    synopsis: firstSentence(description),
    description,
    parameters,
    select: naming.select,
    output: { type: outputType, shapes: outputShapes(op.output, outputType) },
  };
  if (paginator) {
    const token = parameters.find((p) => (p.member ?? p.name) === paginator.inputToken);
    const size = paginator.pageSize ? parameters.find((p) => (p.member ?? p.name) === paginator.pageSize) : undefined;
    if (token) {
      spec.pagination = { tokenParameter: token.name, nextToken: paginator.outputToken };
      if (size) spec.pagination.pageSizeParameter = size.name;
      if (size && defaultPageSize !== undefined) spec.pagination.defaultPageSize = defaultPageSize;
    }
  }
  if (!READ_ONLY_VERBS.has(naming.verb)) {
    spec.shouldProcess = { impact: naming.verb === "Remove" ? "High" : "Medium" };
    const target = shouldProcessTarget(parameters, spec.pagination);
    if (target) spec.shouldProcess.target = target;
  }
  return spec;
}

/**
 * The parameter whose value -WhatIf and -Confirm name, chosen as AWS Tools does: the
 * only parameter; else a top-level single value ending in Id, Name, Arn or Identifier
 * (required ones first, the pipeline parameter among them preferred); else the
 * pipeline parameter. Sensitive parameters are never chosen: their values stay out of
 * prompts.
 */
function shouldProcessTarget(parameters: ParameterSpec[], pagination: CmdletSpec["pagination"]): string | undefined {
  const usable = parameters.filter((p) => !p.sensitive);
  if (parameters.length === 1) return usable[0]?.name;
  const single = (p: ParameterSpec) => !p.member?.includes(".") && !["stringList", "structureList", "stringMap", "structureMap"].includes(p.type);
  const paging = new Set([pagination?.tokenParameter, pagination?.pageSizeParameter]);
  const candidates = usable.filter((p) => single(p) && !paging.has(p.name) && TARGET_SUFFIXES.some((s) => p.name.endsWith(s)));
  const pipeline = usable.find((p) => p.position === 0);
  if (candidates.length === 0) return pipeline?.name;
  if (pipeline && candidates.includes(pipeline)) return pipeline.name;
  return (candidates.find((p) => p.mandatory) ?? candidates[0])!.name;
}

function typeRef(type: SchemaNode, shapes: ShapeTable, pending: StructureNode[]): string {
  switch (type.kind) {
    case "string":
    case "boolean":
    case "timestamp":
    case "blob":
    case "document":
      return type.kind;
    case "number":
      return "integer";
    case "list":
      return `list<${typeRef(type.item, shapes, pending)}>`;
    case "map":
      return `map<${typeRef(type.value, shapes, pending)}>`;
    case "structure":
      if (!(type.name in shapes)) pending.push(type);
      return type.name;
  }
}

/** The response shape and every shape under it, as the spec's output table. */
function outputShapes(output: StructureNode, outputType: string): ShapeTable {
  const shapes: ShapeTable = {};
  const pending: StructureNode[] = [];
  const add = (shape: StructureNode, name: string) => {
    shapes[name] = {};
    for (const m of shape.members) shapes[name]![m.name] = typeRef(m.type, shapes, pending);
  };
  add(output, outputType);
  while (pending.length) {
    const next = pending.shift()!;
    if (!(next.name in shapes)) add(next, next.name);
  }
  return shapes;
}
