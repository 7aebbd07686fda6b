// Reads the operation schemas that AWS SDK for JavaScript v3 clients export (`Name$`):
// compact arrays that say what every request and response member is. The scaffold
// reads them to write specs; the bridge reads them to turn nested parameter values
// (hashtables, arrays) into exactly what the SDK expects.
//
// Encoding (Smithy's schema arrays):
//   operation [9, ns, name, traits, () => input, () => output]
//   structure [3, ns, name, traits, memberNames, memberRefs, requiredCount]; errors use -3
//   list [1, ns, name, traits, item]; map [2, ns, name, traits, key, value]
//   alias [0, ns, name, traits, target] (a named simple type, e.g. a sensitive string)
//   member ref: a sentinel number, a schema, `() => schema`, or `[ref, memberTraits]`
//   sentinels: 0 string, 1 number, 2 boolean, 4-7 timestamps, 15 document, 21 blob,
//   64|x list of x, 128|x map of x; trait bit 8 marks a sensitive value.

export type ScalarKind = "string" | "number" | "boolean" | "timestamp" | "blob" | "document";

export type SchemaNode =
  | { kind: ScalarKind; name?: string; sensitive: boolean }
  | { kind: "list"; name?: string; sensitive: boolean; item: SchemaNode }
  | { kind: "map"; name?: string; sensitive: boolean; value: SchemaNode }
  | StructureNode;

export interface StructureNode {
  kind: "structure";
  name: string;
  sensitive: boolean;
  members: MemberNode[];
}

export interface MemberNode {
  name: string;
  required: boolean;
  /** Sensitive through the member's own traits or its target's. */
  sensitive: boolean;
  readonly type: SchemaNode;
}

export interface OperationNode {
  name: string;
  input: StructureNode;
  output: StructureNode;
}

const SENSITIVE = 8;
const LIST_BIT = 64;
const MAP_BIT = 128;

function scalarFromSentinel(value: number): ScalarKind {
  switch (value) {
    case 0:
      return "string";
    case 1:
      return "number";
    case 2:
      return "boolean";
    case 4:
    case 5:
    case 6:
    case 7:
      return "timestamp";
    case 21:
      return "blob";
    default:
      // 15 is a document; anything newer is passed through untouched, like one.
      return "document";
  }
}

function isSensitive(traits: unknown): boolean {
  if (typeof traits === "number") return (traits & SENSITIVE) !== 0;
  return Boolean(traits && typeof traits === "object" && "sensitive" in traits);
}

/** Structures are cached so that recursive shapes resolve to one object each. */
const structures = new WeakMap<unknown[], StructureNode>();

export function readSchema(ref: unknown): SchemaNode {
  if (typeof ref === "function") return readSchema(ref());
  if (typeof ref === "number") {
    if (ref & MAP_BIT) return { kind: "map", sensitive: false, value: readSchema(ref & ~MAP_BIT) };
    if (ref & LIST_BIT) return { kind: "list", sensitive: false, item: readSchema(ref & ~LIST_BIT) };
    return { kind: scalarFromSentinel(ref), sensitive: false };
  }
  // "unit": an operation with no input or no output members.
  if (ref === "unit") return { kind: "structure", name: "Unit", sensitive: false, members: [] };
  if (!Array.isArray(ref)) throw new Error(`not a schema: ${String(ref)}`);
  // A member ref with its own traits: [ref, traits].
  if (ref.length === 2) {
    const inner = readSchema(ref[0]);
    return isSensitive(ref[1]) ? { ...inner, sensitive: true } : inner;
  }
  const [tag, , name, traits] = ref as [number, string, string, unknown];
  const sensitive = isSensitive(traits);
  switch (tag) {
    case 0:
      return { ...readSchema(ref[4]), name, sensitive: sensitive || readSchema(ref[4]).sensitive };
    case 1:
      return { kind: "list", name, sensitive, item: readSchema(ref[4]) };
    case 2:
      return { kind: "map", name, sensitive, value: readSchema(ref[5]) };
    case 3:
    case -3:
      return readStructure(ref);
    default:
      throw new Error(`unknown schema kind ${tag} for ${name}`);
  }
}

function readStructure(ref: unknown[]): StructureNode {
  const cached = structures.get(ref);
  if (cached) return cached;
  const [, , name, traits, memberNames, memberRefs, requiredCount] = ref as [
    number, string, string, unknown, string[], unknown[], number | undefined,
  ];
  const node: StructureNode = { kind: "structure", name, sensitive: isSensitive(traits), members: [] };
  structures.set(ref, node);
  memberNames.forEach((memberName, i) => {
    const memberRef = memberRefs[i];
    let resolved: SchemaNode | undefined;
    const memberTraitsSensitive = Array.isArray(memberRef) && memberRef.length === 2 && isSensitive(memberRef[1]);
    node.members.push({
      name: memberName,
      required: i < (requiredCount ?? 0),
      get sensitive() {
        return memberTraitsSensitive || this.type.sensitive;
      },
      // Resolved on first use: schemas refer to each other lazily, and some are recursive.
      get type() {
        resolved ??= readSchema(memberRef);
        return resolved;
      },
    });
  });
  return node;
}

export function readOperation(schema: unknown): OperationNode {
  if (!Array.isArray(schema) || schema[0] !== 9) throw new Error("not an operation schema");
  const input = readSchema(schema[4]);
  const output = readSchema(schema[5]);
  if (input.kind !== "structure" || output.kind !== "structure") throw new Error(`operation ${schema[2]} has no structure input/output`);
  return { name: String(schema[2]), input, output };
}

/** "Name (required), Value": the keys a hashtable for a structure may have, for messages and help. */
export function describeKeys(shape: StructureNode): string {
  return shape.members.map((m) => (m.required ? `${m.name} (required)` : m.name)).join(", ");
}

/** Every operation a client package exports, by name. */
export function listOperations(sdk: Record<string, unknown>): Map<string, OperationNode> {
  const out = new Map<string, OperationNode>();
  for (const [key, value] of Object.entries(sdk)) {
    if (key.endsWith("$") && Array.isArray(value) && value[0] === 9) {
      const op = readOperation(value);
      out.set(op.name, op);
    }
  }
  return out;
}
