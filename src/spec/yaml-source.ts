// Parses a YAML file and answers "where in the file is the value at this path?", so
// that schema and semantic errors can name a line and column.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from "yaml";
import type { SpecIssue } from "./errors.js";

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  value: unknown;
  /** Location of the value at `path`; with `key`, of the key naming it. Falls back to the nearest ancestor. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
  issue(path: readonly PathSegment[], message: string, options?: { key?: boolean }): SpecIssue;
}

export function parseYamlSource(file: string, text: string): { source?: YamlSource; issues: SpecIssue[] } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const at = positionsIn(text);
  const issues: SpecIssue[] = [];
  for (const error of doc.errors) {
    issues.push({ file, ...at(error.pos[0]), message: oneLine(`invalid YAML: ${firstLine(error.message)}`) });
  }
  if (issues.length > 0) return { issues };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // toJS throws (a ReferenceError) on an alias to an anchor not defined before it and
    // on an alias bomb; without this it escaped loadSpecs as a crash instead of an issue.
    const message = oneLine(`invalid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    return { issues: [{ file, ...at(aliasOffset(doc)), message }] };
  }

  const locate: YamlSource["locate"] = (path, options = {}) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let best = at(rangeStart(node));
    for (const segment of path) {
      keyNode = undefined;
      if (isMap(node)) {
        // Keys compared as toJS made them property names: `123:` or `true:` is "123" or "true".
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && propertyName(p.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else {
        break;
      }
      const start = rangeStart(node) ?? rangeStart(keyNode);
      if (start === undefined) break;
      best = at(options.key && keyNode ? rangeStart(keyNode) : start);
    }
    return best;
  };

  const source: YamlSource = {
    file,
    doc,
    value,
    locate,
    issue: (path, message, options) => ({ file, ...locate(path, options), message: oneLine(message) }),
  };
  return { source, issues };
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === "object" && "range" in node ? ((node as Node).range?.[0] ?? undefined) : undefined;
}

/** The property name toJS gives a scalar map key. */
function propertyName(key: unknown): string {
  return key === null || key === undefined ? "" : String(key);
}

/**
 * 1-based line and column of an offset. Not yaml's LineCounter: the parser does not
 * report the line breaks inside a token it cannot place (a plain scalar spanning lines
 * after a stray `}`), so every later position came out on an earlier line, with a
 * column past its end.
 */
function positionsIn(text: string): (offset: number | undefined) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset = 0) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

/** Where toJS failed: the first alias whose anchor is not defined before it, else the first alias. */
function aliasOffset(doc: Document.Parsed): number | undefined {
  const anchors = new Set<string>();
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      first ??= node.range?.[0];
      if (!anchors.has(node.source)) {
        unresolved = node.range?.[0];
        return visit.BREAK;
      }
    } else if (isNode(node) && node.anchor) {
      anchors.add(node.anchor);
    }
    return undefined;
  });
  return unresolved ?? first;
}

/**
 * Control characters escaped: a message quoting a key such as "a\nb" must stay on one
 * line, since the CLI prints one `file:line:col: message` line per issue.
 */
function oneLine(message: string): string {
  const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

/** `parameters[0].type` style, for messages. */
export function describePath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) out += typeof segment === "number" ? `[${segment}]` : out ? `.${segment}` : segment;
  return out || "the document";
}
