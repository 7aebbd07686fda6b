// Cmdlet names, -Select defaults and pipeline parameters: AWS Tools for PowerShell's
// own where specs/scaffold/aws-tools-names.tsv lists the operation (so scripts written
// for AWS Tools keep working), and otherwise the rule in `ruleName` below.
import { readFileSync } from "node:fs";

import { APPROVED_VERBS } from "../spec/powershell-names.js";

export interface OperationNaming {
  verb: string;
  noun: string;
  /** '*', '(none)' or a response member. */
  select: string;
  /** The parameter bound from the pipeline by value, if any. */
  pipeline?: string;
  /**
   * AWS Tools' base class: "anonymous" has no credential parameters; "credentialed" has
   * them, even where the SDK sends the operation unsigned. Undefined for the rule.
   */
  base?: "anonymous" | "credentialed";
  /** AWS Tools' paging: auto-iterate or not, and the page size it sends by default. */
  paging?: { auto: boolean; defaultPageSize?: number };
  /** Where the naming came from, for the scaffold's report. */
  source: "aws-tools" | "rule";
}

/** How AWS Tools treats one request member unlike the flattening rule. */
export interface ParameterRule {
  /** AWS Tools' parameter name, when it is not the usual one. */
  parameter?: string;
  /** Keep a structure whole, as one parameter. */
  whole: boolean;
}

function tableRows(file: string): string[][] {
  const rows = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  return rows.slice(1).map((row) => row.replace(/\r$/, "").split("\t"));
}

/** specs/scaffold/aws-tools-parameters.tsv: operation -> request member -> rule. */
export function readParameterTable(file: string): Map<string, Map<string, ParameterRule>> {
  const table = new Map<string, Map<string, ParameterRule>>();
  for (const [operation, member, parameter, whole] of tableRows(file)) {
    if (!table.has(operation!)) table.set(operation!, new Map());
    table.get(operation!)!.set(member!, { ...(parameter ? { parameter } : {}), whole: whole === "yes" });
  }
  return table;
}

function parsePaging(text: string | undefined, file: string, operation: string): OperationNaming["paging"] {
  if (!text) return undefined;
  if (text === "none") return { auto: false };
  if (text === "auto") return { auto: true };
  const size = /^auto:(\d+)$/.exec(text);
  if (size) return { auto: true, defaultPageSize: Number(size[1]) };
  throw new Error(`${file}: ${operation}: Paging is none, auto or auto:<page size>, not '${text}'`);
}

export function readNamingTable(file: string): Map<string, OperationNaming> {
  const table = new Map<string, OperationNaming>();
  for (const [operation, cmdlet, select, pipeline, base, paging] of tableRows(file)) {
    const dash = cmdlet!.indexOf("-");
    if (base && base !== "anonymous" && base !== "credentialed") throw new Error(`${file}: ${operation}: Base is anonymous or credentialed, not '${base}'`);
    const pagingRule = parsePaging(paging, file, operation!);
    table.set(operation!, {
      verb: cmdlet!.slice(0, dash),
      noun: cmdlet!.slice(dash + 1),
      select: select!,
      ...(pipeline ? { pipeline } : {}),
      ...(base ? { base: base as "anonymous" | "credentialed" } : {}),
      ...(pagingRule ? { paging: pagingRule } : {}),
      source: "aws-tools",
    });
  }
  return table;
}

/** Operation verbs that are not PowerShell verbs, and the verb AWS Tools uses for them. */
const VERB_FOR: Record<string, string> = {
  Create: "New",
  Delete: "Remove",
  Describe: "Get",
  List: "Get",
  Put: "Write",
  Associate: "Add",
  Disassociate: "Remove",
  Verify: "Test",
  Respond: "Send",
  Forget: "Stop",
  Change: "Update",
};

/** Naive English singular, enough for API nouns: Sessions -> Session, Policies -> Policy. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The naming rule for operations AWS Tools has no cmdlet for, following its patterns:
 * the operation's leading verb mapped to an approved verb (Create -> New, Delete ->
 * Remove, Describe/List -> Get, unknown -> Invoke with the verb kept in the noun); List
 * operations get a "List" noun suffix; an Admin prefix moves to the end of the noun;
 * the noun is singular. -Select is the only member of the response besides a
 * pagination token ('*' when there are several, '(none)' when there is nothing), and
 * the pipeline parameter is the first required string member.
 */
export function ruleName(
  operation: string,
  outputMembers: string[],
  firstRequiredString: string | undefined,
  outputToken?: string,
): OperationNaming {
  let rest = operation;
  let admin = false;
  if (/^Admin[A-Z]/.test(rest)) {
    admin = true;
    rest = rest.slice(5);
  }
  const [, opVerb = "", tail = ""] = /^([A-Z][a-z]+)(.*)$/.exec(rest) ?? [];
  let verb = VERB_FOR[opVerb] ?? opVerb;
  let noun = tail;
  if (!APPROVED_VERBS.has(verb)) {
    verb = "Invoke";
    noun = rest;
  }
  const words = noun.match(/[A-Z][a-z0-9]*|[A-Z]+(?![a-z])/g) ?? [noun];
  words[words.length - 1] = singular(words[words.length - 1]!);
  noun = words.join("");
  if (opVerb === "List") noun += "List";
  if (admin) noun += "Admin";
  const members = outputMembers.filter((m) => m !== outputToken);
  const select = members.length === 0 ? "(none)" : members.length === 1 ? members[0]! : "*";
  return { verb, noun, select, ...(firstRequiredString ? { pipeline: firstRequiredString } : {}), source: "rule" };
}
