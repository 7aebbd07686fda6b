// Reads specs/: one service file and one file per cmdlet. Every problem found is
// reported with its file, line and column; nothing is returned unless all files are valid.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { SpecValidationError, type SpecIssue } from "./errors.js";
import { cmdletSchema, serviceSchema } from "./schema.js";
import { checkCmdlet, checkAcrossCmdlets } from "./semantics.js";
import type { CmdletSpec, LoadedCmdlet, LoadedSpecs, ServiceSpec } from "./types.js";
import { describePath, parseYamlSource, type PathSegment, type YamlSource } from "./yaml-source.js";

// verbose: errors carry the offending value and schema, for messages that show both.
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
const validateService = ajv.compile(serviceSchema);
const validateCmdlet = ajv.compile(cmdletSchema);

export const SERVICE_FILE = "service.yaml";
export const CMDLET_DIR = "cmdlets";

/** Loads and validates a specs directory; throws SpecValidationError listing every issue. */
export function loadSpecs(specDir: string, options: { displayRoot?: string } = {}): LoadedSpecs {
  const display = (path: string) => relative(options.displayRoot ?? process.cwd(), path) || path;
  const issues: SpecIssue[] = [];

  const serviceFile = join(specDir, SERVICE_FILE);
  const service = loadFile<ServiceSpec>(serviceFile, display(serviceFile), validateService, issues);

  const cmdletDir = join(specDir, CMDLET_DIR);
  let files: string[] = [];
  try {
    files = readdirSync(cmdletDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    issues.push({ file: display(cmdletDir), line: 1, column: 1, message: "the cmdlets/ folder is missing" });
  }

  const cmdlets: LoadedCmdlet[] = [];
  const sources: YamlSource[] = [];
  for (const name of files) {
    const path = join(cmdletDir, name);
    const loaded = loadFileWithSource<CmdletSpec>(path, display(path), validateCmdlet, issues);
    if (!loaded || !service) continue;
    const fileIssues = checkCmdlet(loaded.spec, loaded.source, service, basename(name).replace(/\.ya?ml$/, ""));
    issues.push(...fileIssues);
    if (fileIssues.length === 0) {
      cmdlets.push({ file: display(path), name: `${loaded.spec.verb}-${service.nounPrefix}${loaded.spec.noun}`, spec: loaded.spec });
      sources.push(loaded.source);
    }
  }
  issues.push(...checkAcrossCmdlets(cmdlets, sources));

  if (issues.length > 0 || !service) throw new SpecValidationError(issues);
  return { serviceFile: display(serviceFile), service, cmdlets };
}

function loadFile<T>(path: string, shown: string, validate: ValidateFunction, issues: SpecIssue[]): T | undefined {
  return loadFileWithSource<T>(path, shown, validate, issues)?.spec;
}

function loadFileWithSource<T>(
  path: string,
  shown: string,
  validate: ValidateFunction,
  issues: SpecIssue[],
): { spec: T; source: YamlSource } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    issues.push({ file: shown, line: 1, column: 1, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})` });
    return undefined;
  }
  const { spec, source } = validateText<T>(text, shown, validate, issues);
  return spec && source ? { spec, source } : undefined;
}

function validateText<T>(
  text: string,
  shown: string,
  validate: ValidateFunction,
  issues: SpecIssue[],
): { spec?: T; source?: YamlSource } {
  const { source, issues: parseIssues } = parseYamlSource(shown, text);
  issues.push(...parseIssues);
  if (!source) return {};
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) {
    issues.push(source.issue([], "expected a mapping of keys to values at the top of the file"));
    return {};
  }
  if (validate(source.value)) return { spec: source.value as T, source };
  issues.push(...schemaIssues(validate.errors ?? [], source));
  return {};
}

function schemaIssues(errors: ErrorObject[], source: YamlSource): SpecIssue[] {
  const seen = new Set<string>();
  const out: SpecIssue[] = [];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const { message, at, key } = explain(error, path);
    const issue = source.issue(at, message, { key });
    const id = `${issue.line}:${issue.column}:${issue.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(issue);
    }
  }
  return out;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function explain(error: ErrorObject, path: PathSegment[]): { message: string; at: PathSegment[]; key?: boolean } {
  const where = describePath(path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { message: `${where}: missing required key '${p.missingProperty}'`, at: path };
    case "additionalProperties": {
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const expected = allowed.length ? ` (expected one of: ${allowed.join(", ")})` : "";
      return {
        message: `${where}: unknown key '${p.additionalProperty}'${expected}`,
        at: [...path, String(p.additionalProperty)],
        key: true,
      };
    }
    case "enum":
      return {
        message: `${where}: ${JSON.stringify(error.data)} is not allowed; expected one of: ${(p.allowedValues as unknown[]).join(", ")}`,
        at: path,
      };
    case "type":
      return { message: `${where}: expected ${article(String(p.type))}, found ${typeName(error.data)}`, at: path };
    case "pattern":
      return { message: `${where}: ${JSON.stringify(error.data)} does not have the expected form (${p.pattern})`, at: path };
    case "propertyNames":
      return { message: `${where}: invalid name '${p.propertyName}'`, at: [...path, String(p.propertyName)], key: true };
    case "minLength":
      return { message: `${where}: expected a non-empty string`, at: path };
    case "uniqueItems":
      return { message: `${where}: items must be unique (items ${p.j} and ${p.i} are the same)`, at: path };
    default:
      return { message: `${where}: ${error.message ?? "is invalid"}`, at: path };
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: "a string",
    boolean: "a boolean (true or false)",
    integer: "an integer",
    number: "a number",
    object: "a mapping",
    array: "a list",
  };
  return names[type] ?? type;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
