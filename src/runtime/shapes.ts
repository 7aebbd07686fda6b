// Output shapes: what a response looks like, used to validate -Select paths before a
// request is sent and to give output objects their AWS Tools type names.

/** Shape name -> member name -> member type (scalar, shape name, list<..>, map<..>). */
export type ShapeTable = Record<string, Record<string, string>>;

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  "string", "integer", "long", "double", "boolean", "timestamp", "blob", "document",
]);

/**
 * Members every AWS Tools response object has besides the operation's own
 * (AmazonWebServiceResponse in the .NET SDK), and their type names.
 */
export const RESPONSE_BASE_MEMBERS: Record<string, string> = {
  ResponseMetadata: "ResponseMetadata",
  ContentLength: "long",
  HttpStatusCode: "HttpStatusCode",
};
export const BASE_SHAPES: ShapeTable = {
  ResponseMetadata: { RequestId: "string", Metadata: "map<string>" },
};
/** Type names outside the service's own namespace. */
export const FOREIGN_TYPE_NAMES: Record<string, string> = {
  ResponseMetadata: "Amazon.Runtime.ResponseMetadata",
  HttpStatusCode: "System.Net.HttpStatusCode",
};

export interface TypeRef {
  kind: "scalar" | "shape" | "list" | "map" | "enum";
  name: string;
  item?: TypeRef;
}

export function parseTypeRef(type: string): TypeRef {
  if (type.startsWith("list<") && type.endsWith(">")) return { kind: "list", name: type, item: parseTypeRef(type.slice(5, -1)) };
  if (type.startsWith("map<") && type.endsWith(">")) return { kind: "map", name: type, item: parseTypeRef(type.slice(4, -1)) };
  if (SCALAR_TYPES.has(type)) return { kind: "scalar", name: type };
  if (type === "HttpStatusCode") return { kind: "enum", name: type };
  return { kind: "shape", name: type };
}

/** The operation's shapes plus the members and shapes every response has. */
export function responseShapes(shapes: ShapeTable, responseType: string): ShapeTable {
  const all: ShapeTable = { ...BASE_SHAPES, ...shapes };
  all[responseType] = { ...(shapes[responseType] ?? {}), ...RESPONSE_BASE_MEMBERS };
  return all;
}

export type SelectResolution =
  | { ok: true; whole: true }
  | { ok: true; whole: false; path: string[] }
  | { ok: false; reason: string };

/**
 * Resolves a -Select property path ('A' or 'A.B') against the response shape,
 * matching each segment case-insensitively, as AWS Tools does. Lists and maps on the
 * way are looked through (their items are what the next segment applies to).
 */
export function resolveSelectPath(shapes: ShapeTable, responseType: string, select: string): SelectResolution {
  if (select === "*") return { ok: true, whole: true };
  if (select.trim() === "") return { ok: false, reason: "empty" };
  const path: string[] = [];
  let current = parseTypeRef(responseType);
  for (const segment of select.split(".")) {
    while (current.kind === "list" || current.kind === "map") current = current.item!;
    if (current.kind !== "shape") return { ok: false, reason: `'${segment}': ${current.name} has no properties` };
    const members = shapes[current.name];
    if (!members) return { ok: false, reason: `unknown shape ${current.name}` };
    const matches = Object.keys(members).filter((m) => m.toLowerCase() === segment.toLowerCase());
    if (matches.length === 0) return { ok: false, reason: `${current.name} has no property '${segment}'` };
    if (matches.length > 1) return { ok: false, reason: `'${segment}' is ambiguous in ${current.name}` };
    path.push(matches[0]!);
    current = parseTypeRef(members[matches[0]!]!);
  }
  return { ok: true, whole: false, path };
}

/** Every property path under the response, for -Select completion (cycles cut, depth-limited). */
export function selectPaths(shapes: ShapeTable, responseType: string, maxDepth = 4): string[] {
  const all = responseShapes(shapes, responseType);
  const out: string[] = [];
  const walk = (shape: string, prefix: string, seen: Set<string>, depth: number) => {
    const members = all[shape];
    if (!members || depth > maxDepth) return;
    for (const [member, type] of Object.entries(members)) {
      const path = prefix ? `${prefix}.${member}` : member;
      out.push(path);
      let ref = parseTypeRef(type);
      while (ref.item) ref = ref.item;
      if (ref.kind === "shape" && !seen.has(ref.name)) walk(ref.name, path, new Set([...seen, ref.name]), depth + 1);
    }
  };
  walk(responseType, "", new Set([responseType]), 1);
  return out;
}
