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
  /** Where the naming came from, for the scaffold's report. */
  source: "aws-tools" | "rule";
}

export function readNamingTable(file: string): Map<string, OperationNaming> {
  const table = new Map<string, OperationNaming>();
  const rows = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  for (const row of rows.slice(1)) {
    const [operation, cmdlet, select, pipeline] = row.replace(/\r$/, "").split("\t");
    const dash = cmdlet!.indexOf("-");
    table.set(operation!, {
      verb: cmdlet!.slice(0, dash),
      noun: cmdlet!.slice(dash + 1),
      select: select!,
      ...(pipeline ? { pipeline } : {}),
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
