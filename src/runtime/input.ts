// Turns bound parameter values (as they arrive in JSON) into SDK input members,
// refusing what the service could not take, before any request is sent.

export class InputError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
    this.name = "InputError";
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** A string parameter; null stays null (PowerShell already allowed it). */
export function asString(value: unknown, parameter: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  throw new InputError(parameter, `-${parameter} takes a string, but the value given was ${describe(value)}.`);
}

export function asStringList(value: unknown, parameter: string): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    if (typeof item === "string") return item;
    throw new InputError(parameter, `-${parameter} takes strings, but item ${i} was ${describe(item)}.`);
  });
}

/** A Hashtable sent as map<string,string>: every value must already be a string. */
export function asStringMap(value: unknown, parameter: string): Record<string, string> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(parameter, `-${parameter} takes a hashtable of string keys and string values, but the value given was ${describe(value)}.`);
  }
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item !== "string") {
      throw new InputError(
        parameter,
        `-${parameter} takes string values only, but the value for key '${key}' is ${describe(item)}. Convert it to a string first.`,
      );
    }
    out[key] = item;
  }
  return out;
}

export function asInteger(value: unknown, parameter: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  throw new InputError(parameter, `-${parameter} takes a whole number, but the value given was ${describe(value)}.`);
}

export function asNumber(value: unknown, parameter: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new InputError(parameter, `-${parameter} takes a number, but the value given was ${describe(value)}.`);
}

export function asBoolean(value: unknown, parameter: string): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return value;
  throw new InputError(parameter, `-${parameter} takes $true or $false, but the value given was ${describe(value)}.`);
}

export function asTimestamp(value: unknown, parameter: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date;
  throw new InputError(parameter, `-${parameter} takes a date and time, but the value given was ${describe(value)}.`);
}
