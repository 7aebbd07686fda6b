// Turns an SDK response into AWS Tools' response object: .NET-style type names
// attached, every member of a shape present (null when absent, as on a .NET object).
// PowerShell applies the -Select path to it, and keeps it for $AWSHistory.
import { MAP_KEY, TYPE_KEY, VALUE_KEY } from "./protocol.js";
import { FOREIGN_TYPE_NAMES, parseTypeRef, responseShapes, type ShapeTable, type TypeRef } from "./shapes.js";

export interface ResponseFacts {
  requestId?: string;
  status?: number;
  contentLength?: number;
}

export class OutputShaper {
  private readonly shapes: ShapeTable;

  constructor(
    private readonly typeNamespace: string,
    private readonly responseType: string,
    operationShapes: ShapeTable,
  ) {
    this.shapes = responseShapes(operationShapes, responseType);
  }

  get allShapes(): ShapeTable {
    return this.shapes;
  }

  typeName(shape: string): string {
    return FOREIGN_TYPE_NAMES[shape] ?? `${this.typeNamespace}.${shape}`;
  }

  /** The whole response, as AWS Tools' XxxResponse object. */
  response(output: Record<string, unknown>, facts: ResponseFacts): Record<string, unknown> {
    const { $metadata: _ignored, ...members } = output;
    return this.convert(
      {
        ...members,
        ResponseMetadata: { RequestId: facts.requestId ?? null, Metadata: {} },
        ContentLength: facts.contentLength ?? null,
        HttpStatusCode: facts.status ?? null,
      },
      { kind: "shape", name: this.responseType },
    ) as Record<string, unknown>;
  }

  private convert(value: unknown, ref: TypeRef): unknown {
    if (value === null || value === undefined) return null;
    switch (ref.kind) {
      case "list":
        return Array.isArray(value) ? value.map((item) => this.convert(item, ref.item!)) : value;
      case "map":
        return typeof value === "object"
          ? { [MAP_KEY]: Object.entries(value as object).map(([k, v]) => [k, this.convert(v, ref.item!)]) }
          : value;
      case "enum":
        return { [TYPE_KEY]: this.typeName(ref.name), [VALUE_KEY]: value };
      case "scalar":
        // Timestamps are tagged so PowerShell makes DateTimes of them and of nothing else.
        if (ref.name === "timestamp" && value instanceof Date) return { [TYPE_KEY]: "System.DateTime", [VALUE_KEY]: value.toISOString() };
        return convertScalar(value, ref.name);
      case "shape": {
        const members = this.shapes[ref.name];
        if (!members || typeof value !== "object") return plain(value);
        const source = value as Record<string, unknown>;
        const out: Record<string, unknown> = { [TYPE_KEY]: this.typeName(ref.name) };
        for (const [member, type] of Object.entries(members)) out[member] = this.convert(source[member], parseTypeRef(type));
        // Members newer than the spec still reach the user, untyped.
        for (const [member, item] of Object.entries(source)) if (!(member in members)) out[member] = plain(item);
        return out;
      }
    }
  }
}

function convertScalar(value: unknown, type: string): unknown {
  if (value instanceof Date) return value.toISOString();
  if (type === "blob" && value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

/** A value with no shape to follow: dates and bytes still become JSON-friendly. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
