// Parses a YAML file and answers "where in the file is the value at this path?", so
// that schema and semantic errors can name a line and column.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: SpecIssue[] = [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    issues.push({ file, line, column: col, message: `invalid YAML: ${firstLine(error.message)}` });
  }
  if (issues.length > 0) return { issues };

  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };

  const locate: YamlSource["locate"] = (path, options = {}) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let best = at(rangeStart(node));
    for (const segment of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === segment);
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
    value: doc.toJS({ maxAliasCount: 50 }),
    locate,
    issue: (path, message, options) => ({ file, ...locate(path, options), message }),
  };
  return { source, issues };
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === "object" && "range" in node ? ((node as Node).range?.[0] ?? undefined) : undefined;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
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
