// The service's data model as the AWS SDK for .NET (and so AWS Tools for PowerShell)
// exposes it: every structure the module's operations reach, request and response types
// included, with each member's type, and the service's enums ("constant classes").
//
// Read from the AWS SDK for JavaScript package the bridge runs: its operation schemas
// give the structures, lists, maps, timestamps and blobs; its type declarations name the
// enum a string member takes (the schemas only say "string"); its exported enum objects
// give the values. JavaScript has one number type where .NET has int and long: members
// that are long are named by the service spec (`model.longMembers`).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import type { LoadedSpecs } from "../spec/types.js";
import { listOperations, type SchemaNode, type StructureNode } from "./schema.js";

export type ModelType =
  | { kind: "string" | "integer" | "long" | "boolean" | "timestamp" | "blob" | "document" }
  | { kind: "enum"; name: string }
  | { kind: "structure"; name: string }
  | { kind: "list"; item: ModelType }
  | { kind: "map"; value: ModelType };

export interface ModelMember {
  name: string;
  type: ModelType;
}

export interface ModelStructure {
  /** The .NET class name: <Operation>Request and <Operation>Response for an operation's input and output. */
  name: string;
  role: "request" | "response" | "shape";
  /** Sorted by name, as the AWS SDK for .NET declares them. */
  members: ModelMember[];
}

export interface ModelEnum {
  name: string;
  values: string[];
}

export interface ServiceModel {
  structures: ModelStructure[];
  enums: ModelEnum[];
}

export interface ModelOptions {
  /** "Shape.Member" names of the number members that are long in .NET (int otherwise). */
  longMembers?: readonly string[];
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Reads the model of `operations` from an SDK package (its name, as for import()). */
export async function readServiceModel(packageName: string, operations: readonly string[], options: ModelOptions = {}): Promise<ServiceModel> {
  const sdk = (await import(packageName)) as Record<string, unknown>;
  const declarations = readDeclarations(packageName);
  return buildServiceModel(sdk, declarations, operations, options);
}

/** What the package's type declarations say: enum names, and which members take which enum. */
export interface Declarations {
  enumNames: Set<string>;
  /** Interface name -> member name -> enum name (or "list:<enum>" for a list of one). */
  enumMembers: Map<string, Map<string, string>>;
}

export function buildServiceModel(sdk: Record<string, unknown>, declarations: Declarations, operations: readonly string[], options: ModelOptions = {}): ServiceModel {
  const all = listOperations(sdk);
  const longMembers = new Set(options.longMembers ?? []);
  const usedLong = new Set<string>();
  const structures = new Map<string, ModelStructure>();
  const enums = new Map<string, ModelEnum>();

  const enumOf = (name: string): ModelType => {
    if (!enums.has(name)) {
      const values = sdk[name];
      if (!values || typeof values !== "object") throw new Error(`the SDK declares enum ${name} but exports no values for it`);
      enums.set(name, { name, values: [...new Set(Object.values(values as Record<string, string>))].sort() });
    }
    return { kind: "enum", name };
  };

  const typeOf = (node: SchemaNode, owner: string, member: string, enumName: string | undefined): ModelType => {
    switch (node.kind) {
      case "string":
        return enumName && !enumName.startsWith("list:") ? enumOf(enumName) : { kind: "string" };
      case "number": {
        const key = `${owner}.${member}`;
        if (longMembers.has(key)) {
          usedLong.add(key);
          return { kind: "long" };
        }
        return { kind: "integer" };
      }
      case "boolean":
      case "timestamp":
      case "blob":
      case "document":
        return { kind: node.kind };
      case "list":
        return { kind: "list", item: typeOf(node.item, owner, member, enumName?.startsWith("list:") ? enumName.slice(5) : undefined) };
      case "map":
        return { kind: "map", value: typeOf(node.value, owner, member, undefined) };
      case "structure":
        visit(node, node.name, "shape");
        return { kind: "structure", name: node.name };
    }
  };

  function visit(node: StructureNode, name: string, role: ModelStructure["role"]): void {
    if (structures.has(name)) return;
    const entry: ModelStructure = { name, role, members: [] };
    // Registered before its members are read: shapes may refer to themselves.
    structures.set(name, entry);
    const declared = declarations.enumMembers.get(node.name);
    for (const member of node.members) {
      entry.members.push({ name: member.name, type: typeOf(member.type, name, member.name, declared?.get(member.name)) });
    }
    entry.members.sort(byName);
  }

  for (const operation of [...operations].sort()) {
    const node = all.get(operation);
    if (!node) throw new Error(`the SDK has no operation named ${operation}`);
    visit(node.input, `${operation}Request`, "request");
    visit(node.output, `${operation}Response`, "response");
  }
  const unused = [...longMembers].filter((m) => !usedLong.has(m));
  if (unused.length) throw new Error(`model.longMembers names members that are not numbers of the model: ${unused.join(", ")}`);
  return { structures: [...structures.values()].sort(byName), enums: [...enums.values()].sort(byName) };
}

/** Reads the SDK package's model declarations (dist-types/models/*.d.ts). */
export function readDeclarations(packageName: string): Declarations {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(packageName);
  const modelsDir = join(dirname(entry), "..", "dist-types", "models");
  const files = readdirSync(modelsDir).filter((f) => f.endsWith(".d.ts"));
  const sources = files.map((f) => ts.createSourceFile(f, readFileSync(join(modelsDir, f), "utf8"), ts.ScriptTarget.Latest, false));

  // Enums are declared twice: `export declare const X: { readonly A: "A"; ... }` and `export type X = ...`.
  const enumNames = new Set<string>();
  for (const source of sources) {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.type && ts.isTypeLiteralNode(declaration.type)) enumNames.add(declaration.name.text);
      }
    }
  }

  const enumMembers = new Map<string, Map<string, string>>();
  const enumIn = (type: ts.TypeNode): string | undefined => {
    if (ts.isUnionTypeNode(type)) {
      const named = type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
      return named.length === 1 ? enumIn(named[0]!) : undefined;
    }
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && enumNames.has(type.typeName.text)) return type.typeName.text;
    if (ts.isArrayTypeNode(type)) {
      const item = enumIn(type.elementType);
      return item ? `list:${item}` : undefined;
    }
    return undefined;
  };
  for (const source of sources) {
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const members = new Map<string, string>();
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
        const name = enumIn(member.type);
        if (name) members.set(member.name.text, name);
      }
      if (members.size) enumMembers.set(statement.name.text, members);
    }
  }
  return { enumNames, enumMembers };
}

/** The model of the operations the specs cover, read from the SDK package they name. */
export function readSpecsModel(specs: LoadedSpecs): Promise<ServiceModel> {
  const operations = [...new Set(specs.cmdlets.map((c) => c.spec.operation))];
  return readServiceModel(specs.service.sdk.package, operations, { longMembers: specs.service.model?.longMembers });
}
