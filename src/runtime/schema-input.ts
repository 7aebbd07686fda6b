// Builds an operation's SDK input from bound parameter values (as they arrive in JSON),
// following the SDK's own schema of the request: nested hashtables become structures
// (keys matched case-insensitively, as PowerShell users write them), single values
// become one-item lists, ISO strings become Dates, base64 becomes bytes. A value the
// request could not carry is refused with a message naming the parameter and the key,
// before anything is sent.
import { describeKeys, readOperation, type OperationNode, type SchemaNode, type StructureNode } from "../sdk-schema/schema.js";
import { InputError } from "./input.js";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

interface Place {
  /** The parameter the value came from, for InputError. */
  parameter: string;
  /** Where in it: "-UserAttribute[1].Value". */
  where: string;
  /** Inside a structure: scalars convert as PowerShell's hashtable casts would. */
  nested: boolean;
}

function fail(place: Place, message: string): never {
  throw new InputError(place.parameter, `${place.where} ${message}`);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An object for user-chosen keys: '__proto__' is a key like any other there. */
function dictionary(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function convertValue(type: SchemaNode, value: unknown, place: Place): unknown {
  switch (type.kind) {
    case "string":
      if (typeof value === "string") return value;
      if (place.nested && (typeof value === "number" || typeof value === "boolean")) return String(value);
      return fail(place, `takes a string, but the value given was ${describe(value)}.`);
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      if (place.nested && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
      return fail(place, `takes a number, but the value given was ${describe(value)}.`);
    case "boolean":
      if (typeof value === "boolean") return value;
      if (place.nested && typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
      return fail(place, `takes $true or $false, but the value given was ${describe(value)}.`);
    case "timestamp": {
      const date = typeof value === "string" ? new Date(value) : typeof value === "number" ? new Date(value * 1000) : undefined;
      if (date && !Number.isNaN(date.getTime())) return date;
      return fail(place, `takes a date and time, but the value given was ${describe(value)}.`);
    }
    case "blob":
      if (typeof value === "string" && BASE64.test(value) && value.length % 4 === 0) return Buffer.from(value, "base64");
      if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(value as number[]);
      return fail(place, `takes bytes (a byte array), but the value given was ${describe(value)}.`);
    case "document":
      return value;
    case "list": {
      // PowerShell hands a one-item array over as the item itself.
      const items = Array.isArray(value) ? value : [value];
      return items.map((item, i) => {
        if (item === null || item === undefined) fail({ ...place, where: `${place.where}[${i}]` }, "is $null; lists cannot hold $null.");
        return convertValue(type.item, item, { ...place, where: `${place.where}[${i}]` });
      });
    }
    case "map": {
      if (!isRecord(value)) return fail(place, `takes a hashtable, but the value given was ${describe(value)}.`);
      const out = dictionary();
      for (const [key, item] of Object.entries(value)) {
        const inner = { ...place, where: `${place.where}['${key}']` };
        if (type.value.kind === "string" && typeof item !== "string") {
          // As AWS Tools' cast of a map's values to string: a string or nothing.
          fail(place, `takes string values only, but the value for key '${key}' is ${describe(item)}. Convert it to a string first.`);
        }
        out[key] = convertValue(type.value, item, inner);
      }
      return out;
    }
    case "structure":
      return convertStructure(type, value, place);
  }
}

function convertStructure(shape: StructureNode, value: unknown, place: Place): Record<string, unknown> {
  if (!isRecord(value)) {
    return fail(place, `takes a hashtable or object with the keys ${describeKeys(shape)}, but the value given was ${describe(value)}.`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const member = shape.members.find((m) => m.name.toLowerCase() === key.toLowerCase());
    if (!member) fail(place, `has a key '${key}' that ${shape.name} does not have; its keys are ${describeKeys(shape)}.`);
    if (member.name in out) fail(place, `gives ${member.name} twice (keys differing only in case).`);
    if (item === null || item === undefined) continue;
    out[member.name] = convertValue(member.type, item, { ...place, where: `${place.where}.${member.name}`, nested: true });
  }
  for (const member of shape.members.filter((m) => m.required)) {
    if (!(member.name in out)) fail(place, `needs the key ${member.name} (${shape.name} requires it).`);
  }
  return out;
}


/**
 * The buildInput of a generated handler. `members` maps each parameter to the input
 * member it fills; a dotted path fills a member of a nested structure.
 */
export function inputBuilder(
  operationSchema: unknown,
  members: Readonly<Record<string, string>>,
): (params: Record<string, unknown>) => Record<string, unknown> {
  let operation: OperationNode | undefined;
  const parameterFor = new Map(Object.entries(members).map(([parameter, path]) => [path, parameter]));
  return (params) => {
    operation ??= readOperation(operationSchema);
    const input: Record<string, unknown> = {};
    // Structures assembled from flattened parameters, to check their required members after.
    const assembled = new Map<string, { shape: StructureNode; value: Record<string, unknown>; by: string }>();
    for (const [parameter, value] of Object.entries(params)) {
      const path = Object.hasOwn(members, parameter) ? members[parameter] : undefined;
      if (path === undefined) throw new InputError(parameter, `-${parameter} is not a parameter of ${operation.name}.`);
      if (value === null || value === undefined) continue;
      const segments = path.split(".");
      let shape: StructureNode = operation.input;
      let target = input;
      segments.forEach((segment, i) => {
        const member = shape.members.find((m) => m.name === segment);
        if (!member) throw new Error(`${operation!.name} has no input member ${path}`);
        if (i === segments.length - 1) {
          target[segment] = convertValue(member.type, value, { parameter, where: `-${parameter}`, nested: false });
        } else {
          shape = member.type as StructureNode;
          target = (target[segment] ??= {}) as Record<string, unknown>;
          const prefix = segments.slice(0, i + 1).join(".");
          if (!assembled.has(prefix)) assembled.set(prefix, { shape, value: target, by: parameter });
        }
      });
    }
    for (const [prefix, { shape, value, by }] of assembled) {
      for (const member of shape.members.filter((m) => m.required && !(m.name in value))) {
        const needed = parameterFor.get(`${prefix}.${member.name}`);
        throw new InputError(
          by,
          `-${by} fills ${shape.name}, which also needs ${member.name}${needed ? `: give -${needed} too` : ""}.`,
        );
      }
    }
    return input;
  };
}
