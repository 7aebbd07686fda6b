// Reads what the SDK's schemas leave out from its type declarations (dist-types):
// the documentation of operations and members, and which members take enum values.
// The declarations are generated with a fixed layout (four-space members, JSDoc above
// each), so a line reader is enough and keeps the scaffold free of a TS parser.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { htmlToText } from "./html-text.js";

export interface MemberDoc {
  doc: string;
  /** The TypeScript type as declared, e.g. `DeliveryMediumType[] | undefined`. */
  type: string;
}

export interface SdkDocs {
  /** Operation name -> its documentation, as plain text paragraphs. */
  operations: Map<string, string>;
  /** Shape (interface) name -> member name -> doc and declared type. */
  shapes: Map<string, Map<string, MemberDoc>>;
  /** Enum name -> its values. */
  enums: Map<string, string[]>;
}

export function readSdkDocs(packageDir: string): SdkDocs {
  const types = join(packageDir, "dist-types");
  const docs: SdkDocs = { operations: new Map(), shapes: new Map(), enums: new Map() };
  for (const file of readdirSync(join(types, "models")).filter((f) => f.endsWith(".d.ts")).sort()) {
    readModels(readFileSync(join(types, "models", file), "utf8"), docs);
  }
  for (const file of readdirSync(join(types, "commands")).filter((f) => f.endsWith("Command.d.ts"))) {
    const operation = file.slice(0, -"Command.d.ts".length);
    const doc = commandDoc(readFileSync(join(types, "commands", file), "utf8"), operation);
    if (doc) docs.operations.set(operation, doc);
  }
  return docs;
}

/** The JSDoc body lines (without the leading `*`) of a comment ending at `end`. */
function commentBefore(lines: string[], end: number): string[] {
  if (!lines[end]?.trim().endsWith("*/")) return [];
  let start = end;
  while (start > 0 && !lines[start]!.trim().startsWith("/**")) start--;
  return lines
    .slice(start, end + 1)
    .map((l) => l.trim().replace(/^\/\*\*\s?/, "").replace(/\*\/$/, "").replace(/^\*\s?/, ""));
}

/** Comment text up to its first block tag (@public, @example, @throws...). */
function docText(body: string[]): string {
  const stop = body.findIndex((l) => /^@\w+/.test(l.trim()));
  return htmlToText((stop >= 0 ? body.slice(0, stop) : body).join("\n"));
}

function readModels(source: string, docs: SdkDocs): void {
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const iface = /^export interface (\w+) \{/.exec(line);
    if (iface) {
      const members = new Map<string, MemberDoc>();
      for (i++; i < lines.length && lines[i] !== "}"; i++) {
        const member = /^ {4}(\w+)\??: (.+);$/.exec(lines[i]!);
        if (member) members.set(member[1]!, { doc: docText(commentBefore(lines, i - 1)), type: member[2]! });
      }
      docs.shapes.set(iface[1]!, members);
      continue;
    }
    const enumStart = /^export declare const (\w+): \{$/.exec(line);
    if (enumStart) {
      const values: string[] = [];
      for (i++; i < lines.length && lines[i] !== "};"; i++) {
        const value = /^ {4}readonly \w+: "(.*)";$/.exec(lines[i]!);
        if (value) values.push(value[1]!);
      }
      docs.enums.set(enumStart[1]!, values);
    }
  }
}

function commandDoc(source: string, operation: string): string | undefined {
  const lines = source.split("\n");
  const at = lines.findIndex((l) => l.startsWith(`export declare class ${operation}Command `));
  return at > 0 ? docText(commentBefore(lines, at - 1)) : undefined;
}

/** The enum a declared member type names (alone or as a list), if it is one. */
export function enumOf(type: string, enums: Map<string, string[]>): string[] | undefined {
  const base = type.replace(/\s*\|\s*undefined$/, "").replace(/\[\]$/, "").replace(/^\((.*)\)$/, "$1");
  return enums.get(base);
}
