// Fuzzing the spec loader: many malformed cmdlet specs, generated deterministically
// (seeded PRNG) from two valid ones. For each, loadSpecs must throw SpecValidationError
// (never another exception, never return) with issues that name the cmdlet file at a real
// line and column and carry a one-line message without a stack trace. The generator CLI
// must refuse a few of them, print `path:line:col: message` lines and write nothing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecValidationError, type SpecIssue } from "../../src/spec/errors.js";
import { loadSpecs } from "../../src/spec/loader.js";
import { VALID } from "./spec-fixtures.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const realService = readFileSync(join(repoRoot, "specs", "service.yaml"), "utf8");
const cli = join(repoRoot, "src", "generator", "cli.ts");
const FILE = "Get-CGIPThing.yaml";
const SHOWN = join("cmdlets", FILE);

// A valid spec using every key the schema knows, one value per line, so that each key
// can be broken on its own.
const FULL = [
  "verb: Get", // 1
  "noun: Thing", // 2
  "operation: GetUserAttributeVerificationCode", // 3
  "auth: anonymous", // 4
  "synopsis: Gets a thing.", // 5
  "description: Gets a thing.", // 6
  "parameters:", // 7
  "  - name: AccessToken", // 8
  "    member: AccessToken", // 9
  "    type: string", // 10
  "    mandatory: true", // 11
  "    pipeline: [byPropertyName]", // 12
  "    position: 0", // 13
  "    aliases: [Token]", // 14
  "    sensitive: true", // 15
  "    completions: [a, b]", // 16
  "    help: The token.", // 17
  "  - name: AttributeName", // 18
  "    type: string", // 19
  "    position: 1", // 20
  "    aliases: [Attr]", // 21
  "    help: The attribute.", // 22
  "  - name: ClientMetadata", // 23
  "    type: stringMap", // 24
  "    help: Metadata.", // 25
  "select: CodeDeliveryDetails", // 26
  "output:", // 27
  "  type: Response", // 28
  "  shapes:", // 29
  "    Response:", // 30
  "      CodeDeliveryDetails: Details", // 31
  "    Details:", // 32
  "      Destination: string", // 33
  "      DeliveryMedium: string", // 34
  "      Related: list<Details>", // 35
  "examples:", // 36
  "  - title: One", // 37
  "    code: Get-CGIPThing -AccessToken x -AttributeName email", // 38
  "    remarks: Sends a code.", // 39
];

// ---------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

/** Same letters, random case, first letter upper (so the name still has the schema's form). */
function randomCase(name: string, rnd: ReturnType<typeof prng>): string {
  const chars = [...name].map((c) => (rnd.next() < 0.5 ? c.toUpperCase() : c.toLowerCase()));
  chars[0] = chars[0]!.toUpperCase();
  return chars.join("");
}

// ---------------------------------------------------------------------------------------
// Line-level editing of FULL.

interface Entry {
  index: number; // 0-based line
  keyCol: number; // where the key starts
  key: string;
  context: "top" | "param" | "output" | "shape" | "member" | "example";
}

const KEY_LINE = /^( *)(- )?([A-Za-z]+):(?: (.*))?$/;

function entriesOf(lines: readonly string[]): Entry[] {
  const out: Entry[] = [];
  let section = "";
  lines.forEach((line, index) => {
    const m = KEY_LINE.exec(line);
    if (!m) return;
    const keyCol = m[1]!.length + (m[2] ? 2 : 0);
    const key = m[3]!;
    if (keyCol === 0) section = key;
    const context =
      keyCol === 0
        ? "top"
        : section === "parameters"
          ? "param"
          : section === "examples"
            ? "example"
            : keyCol === 2
              ? "output"
              : keyCol === 4
                ? "shape"
                : "member";
    out.push({ index, keyCol, key, context });
  });
  return out;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Index just past the lines nested under the key at `index`. */
function blockEnd(lines: readonly string[], index: number, keyCol: number): number {
  let j = index + 1;
  while (j < lines.length && indentOf(lines[j]!) > keyCol) j++;
  return j;
}

/** The key at `entry` given `value` (in YAML), its nested lines dropped. */
function setValue(lines: readonly string[], entry: Entry, value: string): string[] {
  const copy = [...lines];
  const line = copy[entry.index]!;
  const prefix = line.slice(0, line.indexOf(":", entry.keyCol) + 1);
  const end = blockEnd(copy, entry.index, entry.keyCol);
  copy.splice(entry.index, end - entry.index, `${prefix} ${value}`);
  return copy;
}

const FULL_ENTRIES = entriesOf(FULL);
const entry = (line: number) => FULL_ENTRIES.find((e) => e.index === line - 1)!;
/** `base` with 1-based `line` replaced by `lines` (none: deleted). */
function edit(base: readonly string[], line: number, ...lines: string[]): string[] {
  const copy = [...base];
  copy.splice(line - 1, 1, ...lines);
  return copy;
}
const insertAfter = (base: readonly string[], line: number, ...lines: string[]) => {
  const copy = [...base];
  copy.splice(line, 0, ...lines);
  return copy;
};
const text = (lines: readonly string[]) => lines.join("\n") + "\n";
const nameLine = [8, 18, 23]; // the `- name:` line of each parameter of FULL
const paramNames = ["AccessToken", "AttributeName", "ClientMetadata"];

// ---------------------------------------------------------------------------------------
// The families of malformed specs.

interface Case {
  family: string;
  title: string;
  text: string | Buffer;
  /** Some issue must be on this 1-based line. */
  line?: number;
  /** Random edits may happen to leave the spec valid; such cases are skipped, not failed. */
  mayBeValid?: boolean;
}

function truncated(): Case[] {
  const valid = VALID.join("\n");
  const cases: Case[] = [];
  for (let cut = 0; cut < valid.length; cut += 2) {
    cases.push({ family: "truncated", title: `cut at ${cut}`, text: valid.slice(0, cut) });
  }
  return cases;
}

const WRONG: Record<string, string[]> = {
  // where a string goes
  string: ["42", "-7", "3.5", "0x1F", ".inf", "true", "false", "null", "~", "[]", "[a, b]", "{}", "{a: b}"],
  boolean: ['"true"', "yes", "no", "on", "1", "0", "null", "[true]", "{a: true}", "text"],
  integer: ['"1"', "1.5", "true", "null", "[1]", "{a: 1}", "one", ".nan"],
  list: ["x", "42", "true", "null", "{a: b}", "{}", "[1]", "[true]", "[null]", "[[x]]", "[{a: b}]"],
  map: ["x", "42", "true", "false", "null", "[]", "[a, b]"],
};

function kindOf(e: Entry): keyof typeof WRONG {
  const byKey: Record<string, keyof typeof WRONG> = {
    parameters: "list",
    examples: "list",
    pipeline: "list",
    aliases: "list",
    completions: "list",
    output: "map",
    shapes: "map",
    mandatory: "boolean",
    sensitive: "boolean",
    position: "integer",
  };
  if (e.context === "shape") return "map";
  if (e.context === "member") return "string";
  return byKey[e.key] ?? "string";
}

function wrongTypes(): Case[] {
  const cases: Case[] = [];
  for (const e of FULL_ENTRIES) {
    for (const value of WRONG[kindOf(e)]!) {
      cases.push({ family: "wrong types", title: `line ${e.index + 1} ${e.key}: ${value}`, text: text(setValue(FULL, e, value)), line: e.index + 1 });
    }
  }
  for (const doc of ["42", "[verb, noun]", "true", "null", '"verb: Get"', "- verb: Get\n- noun: Thing", "|\n  verb: Get"]) {
    cases.push({ family: "wrong types", title: `the document is ${JSON.stringify(doc)}`, text: `${doc}\n`, line: 1 });
  }
  return cases;
}

function unknownKeys(): Case[] {
  const cases: Case[] = [];
  const names = ["colour", "Verb", "verbs", "Name", "parameter", "__proto__", "constructor", "toString", "x-extra", '"a b"', '"multi\\nline"', '""', "123", "1.5", "true", "~", "_private"];
  // [after 1-based line, indentation] of each mapping with a fixed set of keys
  const levels: [string, number, string][] = [
    ["top level", 1, ""],
    ["top level (end)", FULL.length, ""],
    ["parameters[0]", 8, "    "],
    ["parameters[1]", 18, "    "],
    ["parameters[2]", 25, "    "],
    ["output", 27, "  "],
    ["examples[0]", 37, "    "],
  ];
  for (const [where, after, indent] of levels) {
    for (const name of names) {
      cases.push({ family: "unknown keys", title: `${where}: ${name}`, text: text(insertAfter(FULL, after, `${indent}${name}: 1`)), line: after + 1 });
    }
  }
  // shapes and their members take any name of the right form
  const badNames = ["bad-name", "_x", "1abc", '"a b"', '""', "__proto__", "Ünicode", '"tab\\there"'];
  for (const name of badNames) {
    cases.push({ family: "unknown keys", title: `shape ${name}`, text: text(insertAfter(FULL, 29, `    ${name}: {X: string}`)), line: 30 });
    cases.push({ family: "unknown keys", title: `member ${name}`, text: text(insertAfter(FULL, 30, `      ${name}: string`)), line: 31 });
  }
  return cases;
}

function duplicateNames(): Case[] {
  const rnd = prng(101);
  const cases: Case[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if (i === j) continue;
      const name = paramNames[i]!;
      const variants = new Set([name, name.toUpperCase(), name.toLowerCase(), name[0] + name.slice(1).toLowerCase()]);
      while (variants.size < 8) variants.add(randomCase(name, rnd));
      for (const v of variants) {
        cases.push({
          family: "duplicate parameter names",
          title: `parameters[${j}] named ${v}`,
          text: text(edit(FULL, nameLine[j]!, `  - name: ${v}`)),
          // a name of the wrong form is reported where it is, a clash at the later parameter
          line: /^[A-Z]/.test(v) ? nameLine[Math.max(i, j)]! : nameLine[j]!,
        });
      }
    }
  }
  // a whole parameter given twice
  for (let i = 0; i < 3; i++) {
    const start = nameLine[i]! - 1;
    const block = FULL.slice(start, blockEnd(FULL, start, 4));
    cases.push({ family: "duplicate parameter names", title: `parameters[${i}] twice`, text: text(insertAfter(FULL, 25, ...block)), line: 26 });
  }
  return cases;
}

// Written out here rather than imported, so the test checks the loader's own list.
const COMMON = [
  "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa",
  "ProgressAction", "proga", "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv",
  "OutVariable", "ov", "OutBuffer", "ob", "PipelineVariable", "pv", "WhatIf", "wi", "Confirm", "cf",
];
const SHARED = ["Select", "Region", "RegionToCall", "EndpointUrl", "ProfileLocation", "AWSProfilesLocation", "ProfilesLocation", "ClientConfig"];

function reservedNames(): Case[] {
  const rnd = prng(202);
  const cases: Case[] = [];
  for (const name of [...COMMON, ...SHARED]) {
    for (const v of new Set([name, name[0]!.toUpperCase() + name.slice(1), randomCase(name, rnd)])) {
      cases.push({ family: "reserved names", title: `parameter ${v}`, text: text(edit(FULL, 18, `  - name: ${v}`)), line: 18 });
    }
    for (const v of new Set([name, name.toUpperCase(), name.toLowerCase()])) {
      cases.push({ family: "reserved names", title: `alias ${v}`, text: text(edit(FULL, 21, `    aliases: [Attr, ${v}]`)), line: 21 });
    }
  }
  return cases;
}

function invalidVerbs(): Case[] {
  const notApproved = [
    "Fetch", "Make", "Create", "Delete", "Modify", "Change", "Retrieve", "Query", "List", "Destroy", "Launch",
    "Execute", "Run", "Kill", "Erase", "Obtain", "Put", "Patch", "Post", "Apply", "Describe", "Verify", "Check",
    "Load", "Store", "Download", "Upload", "Sign", "Gets", "Got", "Getx", "GET", "SET", "NEW", "GeT",
  ];
  const approved = [
    "Get", "Set", "New", "Remove", "Add", "Clear", "Update", "Start", "Stop", "Invoke", "Test", "Find", "Search",
    "Register", "Unregister", "Confirm", "Reset", "Revoke", "Grant", "Enable", "Disable",
  ];
  const malformed = ['""', '"Get "', '" Get"', "Get-Item", "Get_", "G3t", "Get2", "1Get", "Get Thing", "Ge", "G", "-Get", "Gét", '"Get\\n"'];
  const cases: Case[] = [];
  const verbCase = (v: string, title = v) => cases.push({ family: "invalid verbs", title, text: text(edit(FULL, 1, `verb: ${v}`)), line: 1 });
  for (const v of notApproved) verbCase(v);
  for (const v of approved) {
    verbCase(v.toLowerCase());
    verbCase(`${v}${v.length % 10}`);
  }
  for (const v of malformed) verbCase(v);
  return cases;
}

function duplicateAliases(): Case[] {
  const rnd = prng(303);
  const cases: Case[] = [];
  const add = (title: string, lines: string[]) => cases.push({ family: "duplicate aliases", title, text: text(lines) });
  const word = () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    let w = letters[rnd.int(26)]!.toUpperCase();
    for (let k = 2 + rnd.int(8); k > 0; k--) w += letters[rnd.int(26)];
    return w;
  };
  for (let k = 0; k < 10; k++) {
    const alias = word();
    const other = rnd.next() < 0.5 ? alias : randomCase(alias, rnd).toLowerCase();
    add(`${alias} on parameters 0 and 1 (${other})`, edit(edit(FULL, 14, `    aliases: [${alias}]`), 21, `    aliases: [Attr, ${other}]`));
    add(`${alias} on parameters 1 and 2`, edit(edit(FULL, 21, `    aliases: [${alias}]`), 25, "    help: Metadata.", `    aliases: [${randomCase(alias, rnd)}]`));
    add(`${alias} twice in one list`, edit(FULL, 21, `    aliases: [${alias}, Attr, ${rnd.next() < 0.5 ? alias : alias.toUpperCase()}]`));
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const name = paramNames[i]!;
      for (const v of new Set([name, name.toLowerCase(), randomCase(name, rnd)])) {
        // parameter j gets an alias equal to parameter i's name (its own, when i === j)
        const line = j === 2 ? 25 : j === 0 ? 14 : 21;
        const lines = j === 2 ? edit(FULL, 25, "    help: Metadata.", `    aliases: [${v}]`) : edit(FULL, line, `    aliases: [${v}]`);
        add(`parameters[${j}] alias ${v}`, lines);
      }
    }
  }
  return cases;
}

function positionClashes(): Case[] {
  const cases: Case[] = [];
  const add = (title: string, lines: string[], line?: number) => cases.push({ family: "position clashes", title, text: text(lines), line });
  for (const p of [0, 1, 2, 7, 99, 1000]) {
    const three = edit(edit(edit(FULL, 13, `    position: ${p}`), 20, `    position: ${p}`), 25, "    help: Metadata.", `    position: ${p}`);
    add(`all at ${p}`, three, 20);
    add(`parameters 1 and 2 at ${p}`, edit(edit(FULL, 20, `    position: ${p}`), 25, "    help: Metadata.", `    position: ${p}`), 26);
    if (p !== 1) add(`parameters 0 and 1 at ${p}`, edit(edit(FULL, 13, `    position: ${p}`), 20, `    position: ${p}`), 20);
  }
  add("parameter 2 at parameter 0's position", edit(FULL, 25, "    help: Metadata.", "    position: 0"), 26);
  add("parameter 2 at parameter 1's position", edit(FULL, 25, "    help: Metadata.", "    position: 1"), 26);
  add("parameter 1 at parameter 0's position", edit(FULL, 20, "    position: 0"), 20);
  for (const bad of ["-1", "-100", "1001", "1000000", "2.5"]) add(`position ${bad}`, edit(FULL, 20, `    position: ${bad}`), 20);
  return cases;
}

function duplicateYamlKeys(): Case[] {
  const cases: Case[] = [];
  for (const e of FULL_ENTRIES) {
    const line = FULL[e.index]!;
    const end = blockEnd(FULL, e.index, e.keyCol);
    const indent = " ".repeat(e.keyCol);
    const valueText = line.slice(line.indexOf(":", e.keyCol) + 1).trim();
    // the same key again with its value (and nested lines), then with another value
    const again = [`${indent}${e.key}:${valueText ? ` ${valueText}` : ""}`, ...FULL.slice(e.index + 1, end)];
    cases.push({ family: "duplicate YAML keys", title: `${e.key} (line ${e.index + 1}) repeated`, text: text(insertAfter(FULL, end, ...again)), line: end + 1 });
    cases.push({ family: "duplicate YAML keys", title: `${e.key} (line ${e.index + 1}) with another value`, text: text(insertAfter(FULL, end, `${indent}${e.key}: Other`)), line: end + 1 });
  }
  return cases;
}

function tabsAndIndentation(): Case[] {
  const cases: Case[] = [];
  FULL.forEach((line, i) => {
    const indent = indentOf(line);
    const body = line.slice(indent);
    if (indent > 0) {
      cases.push({ family: "tabs and indentation", title: `line ${i + 1} indented with a tab`, text: text(edit(FULL, i + 1, `\t${body}`)), line: i + 1 });
      cases.push({ family: "tabs and indentation", title: `line ${i + 1} starts with a tab`, text: text(edit(FULL, i + 1, `\t${line}`)), line: i + 1 });
      cases.push({ family: "tabs and indentation", title: `line ${i + 1} tab inside the indentation`, text: text(edit(FULL, i + 1, `${" ".repeat(indent - 1)}\t${body}`)), line: i + 1 });
    } else {
      cases.push({ family: "tabs and indentation", title: `line ${i + 1} starts with a tab`, text: text(edit(FULL, i + 1, `\t${line}`)), line: i + 1 });
    }
    // Shifted lines: usually broken, but some shifts are still valid YAML with the same meaning.
    for (const shift of [-2, -1, 1, 3]) {
      const n = indent + shift;
      if (n < 0 || (indent === 0 && shift < 0)) continue;
      cases.push({ family: "tabs and indentation", title: `line ${i + 1} shifted by ${shift}`, text: text(edit(FULL, i + 1, " ".repeat(n) + body)), mayBeValid: true });
    }
  });
  return cases;
}

function invalidEnums(): Case[] {
  const cases: Case[] = [];
  const add = (title: string, lines: string[], line: number) => cases.push({ family: "invalid enum values", title, text: text(lines), line });
  for (const v of ["iam", "Anonymous", "SIGNED", "none", '""', '"anonymous "', "sign", "signed anonymous", "sigv4"]) add(`auth ${v}`, edit(FULL, 4, `auth: ${v}`), 4);
  // blob, document and structure* are parameter types now; their misspellings are not, and a
  // structure type without the 'shape' it takes is refused at the type too.
  const badTypes = ["String", "str", "int", "float", "bool", "list", "map", "stringlist", "date", "object", "bytes", "Blob", "struct", "structurelist", "list<string>", "Details", '""', "string?"];
  for (const v of [...badTypes, "structure", "structureList", "structureMap"]) {
    add(`parameters[0].type ${v}`, edit(FULL, 10, `    type: ${v}`), 10);
    add(`parameters[2].type ${v}`, edit(FULL, 24, `    type: ${v}`), 24);
  }
  for (const v of ["[ByValue]", "[byvalue]", "[byName]", "[value]", '[""]', "[byValue, byValue]", "[byPropertyName, byPropertyName]", "[byPropertyName, ByPropertyName]"]) {
    add(`pipeline ${v}`, edit(FULL, 12, `    pipeline: ${v}`), 12);
  }
  add("two parameters by value", edit(edit(FULL, 12, "    pipeline: [byValue]"), 22, "    help: The attribute.", "    pipeline: [byValue, byPropertyName]"), 23);
  return cases;
}

function unresolvedReferences(): Case[] {
  const cases: Case[] = [];
  const add = (title: string, lines: string[], line: number) => cases.push({ family: "unresolved references", title, text: text(lines), line });
  // Names Object.prototype has are not shapes either.
  const missing = ["Respons", "Details2", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"];
  for (const name of missing) {
    add(`output.type ${name}`, edit(FULL, 28, `  type: ${name}`), 28);
    add(`output.type ${name}, select '*'`, edit(edit(FULL, 28, `  type: ${name}`), 26, "select: '*'"), 28);
    for (const type of [name, `list<${name}>`, `map<list<${name}>>`]) {
      add(`member type ${type}`, edit(FULL, 31, `      CodeDeliveryDetails: ${type}`), 31);
    }
    add(`member type ${name}, select '*'`, edit(edit(FULL, 34, `      DeliveryMedium: ${name}`), 26, "select: '*'"), 34);
  }
  for (const select of ["Nope", "CodeDeliveryDetails.Nope", "CodeDeliveryDetails..Destination", ".", "CodeDeliveryDetails.Destination.Length", "CodeDeliveryDetails.constructor", "constructor", '" "', "*.*", '"CodeDeliveryDetails\\nDestination"']) {
    add(`select ${select}`, edit(FULL, 26, `select: ${select}`), 26);
  }
  return cases;
}

function anchorsAndTags(): Case[] {
  const cases: Case[] = [];
  const add = (title: string, lines: string[], line?: number) => cases.push({ family: "anchors, aliases and tags", title, text: text(lines), line });
  const bomb = (n: number) => {
    const row = (alias: string) => `[${Array(n).fill(alias).join(", ")}]`;
    return [`    completions: &a0 ${row("x")}`, ...[1, 2, 3, 4].map((k) => `    help${k}: &a${k} ${row(`*a${k - 1}`)}`)];
  };
  add("alias bomb (10 wide)", edit(FULL, 16, ...bomb(10)));
  add("alias bomb (4 wide)", edit(FULL, 16, ...bomb(4)));
  add("alias bomb in the output shapes", insertAfter(FULL, 35, "      Bomb: &b0 [x, x, x, x, x, x, x, x]", ...[1, 2, 3].map((k) => `      Bomb${k}: &b${k} [${Array(8).fill(`*b${k - 1}`).join(", ")}]`)));
  add("undefined alias", edit(FULL, 1, "verb: *nope"), 1);
  add("alias of a string where an enum goes", edit(edit(FULL, 2, "noun: &n Thing"), 4, "auth: *n"), 4);
  add("alias of a string where a mapping goes", setValue(edit(FULL, 2, "noun: &n Thing"), entry(27), "*n"), 27);
  add("alias of the parameter list where a string goes", edit(edit(FULL, 7, "parameters: &p"), 5, "synopsis: *p"), 5);
  add("self-referencing list", edit(FULL, 16, "    completions: &c [a, *c]"), 16);
  add("alias as a key", edit(edit(FULL, 2, "noun: &n Thing"), 6, "description: Gets a thing.", "*n : x"));
  add("anchor without a value", edit(FULL, 1, "verb: &v"), 1);
  add("!!binary", edit(FULL, 1, "verb: !!binary R2V0"), 1);
  add("!!str on a boolean", edit(FULL, 11, "    mandatory: !!str true"), 11);
  add("!!str on a number", edit(FULL, 13, "    position: !!str 0"), 13);
  add("!!map", edit(FULL, 1, "verb: !!map {}"), 1);
  add("!!set", edit(FULL, 12, "    pipeline: !!set {byValue}"), 12);
  add("!!null", edit(FULL, 5, 'synopsis: !!null ""'), 5);
  add("second document", [...FULL, "---", "verb: Set"]);
  add("directive after content", [...FULL, "%YAML 1.2"]);
  return cases;
}

function mutations(): Case[] {
  const rnd = prng(0xc0ffee);
  const specials = [":", "-", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`", ",", "?", "\t", "\n", "\r", "\0", "\u00a0", "\ufeff", "\u2028", "é", "😀", "\\", " ", "  "];
  const bases = [Buffer.from(VALID.join("\n")), Buffer.from(text(FULL))];
  const seen = new Set(bases.map((b) => b.toString("base64")));
  const cases: Case[] = [];
  for (let n = 0; n < 500; n++) {
    let buf = bases[n % 2]!;
    const ops: string[] = [];
    for (let k = 1 + rnd.int(3); k > 0; k--) {
      const at = rnd.int(buf.length);
      switch (rnd.int(7)) {
        case 0: {
          const byte = rnd.int(256);
          buf = Buffer.concat([buf.subarray(0, at), Buffer.from([byte]), buf.subarray(at + 1)]);
          ops.push(`byte ${at}=0x${byte.toString(16)}`);
          break;
        }
        case 1: {
          const s = rnd.pick(specials);
          buf = Buffer.concat([buf.subarray(0, at), Buffer.from(s), buf.subarray(at + 1)]);
          ops.push(`char ${at}=${JSON.stringify(s)}`);
          break;
        }
        case 2: {
          const s = rnd.pick(specials);
          buf = Buffer.concat([buf.subarray(0, at), Buffer.from(s), buf.subarray(at)]);
          ops.push(`insert ${at} ${JSON.stringify(s)}`);
          break;
        }
        case 3: {
          const len = 1 + rnd.int(5);
          buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + len)]);
          ops.push(`delete ${at}+${len}`);
          break;
        }
        case 4: {
          const len = 1 + rnd.int(12);
          buf = Buffer.concat([buf.subarray(0, at + len), buf.subarray(at, at + len), buf.subarray(at + len)]);
          ops.push(`repeat ${at}+${len}`);
          break;
        }
        case 5: {
          const lines = buf.toString("latin1").split("\n");
          const a = rnd.int(lines.length);
          const b = rnd.int(lines.length);
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
          buf = Buffer.from(lines.join("\n"), "latin1");
          ops.push(`swap lines ${a + 1},${b + 1}`);
          break;
        }
        default: {
          const s = buf.toString("latin1");
          const words = s.match(/[A-Za-z]+/g)!;
          const from = rnd.pick(words);
          const to = rnd.pick(words);
          buf = Buffer.from(s.replace(from, to), "latin1");
          ops.push(`word ${from}->${to}`);
        }
      }
    }
    const key = buf.toString("base64");
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ family: "random mutations", title: `#${n} ${ops.join("; ")}`, text: buf, mayBeValid: true });
  }
  return cases;
}

const FAMILIES: [string, () => Case[]][] = [
  ["truncated", truncated],
  ["wrong types", wrongTypes],
  ["unknown keys", unknownKeys],
  ["duplicate parameter names", duplicateNames],
  ["reserved names", reservedNames],
  ["invalid verbs", invalidVerbs],
  ["duplicate aliases", duplicateAliases],
  ["position clashes", positionClashes],
  ["duplicate YAML keys", duplicateYamlKeys],
  ["tabs and indentation", tabsAndIndentation],
  ["invalid enum values", invalidEnums],
  ["unresolved references", unresolvedReferences],
  ["anchors, aliases and tags", anchorsAndTags],
  ["random mutations", mutations],
];

// ---------------------------------------------------------------------------------------
// Running them.

type Outcome = { kind: "loaded" } | { kind: "crashed"; error: unknown } | { kind: "rejected"; issues: SpecIssue[] };

interface Result {
  c: Case;
  fileText: string;
  outcome: Outcome;
}

let fuzzRoot = "";
const results = new Map<string, Result[]>();
let elapsedMs = 0;
let cpuMs = 0;

function writeSpecDir(dir: string, cmdlet: string | Buffer): void {
  mkdirSync(join(dir, "cmdlets"), { recursive: true });
  writeFileSync(join(dir, "service.yaml"), realService);
  writeFileSync(join(dir, "cmdlets", FILE), cmdlet);
}

function load(dir: string): Outcome {
  try {
    loadSpecs(dir, { displayRoot: dir });
    return { kind: "loaded" };
  } catch (error) {
    if (error instanceof SpecValidationError) return { kind: "rejected", issues: error.issues };
    return { kind: "crashed", error };
  }
}

/** What is wrong with how the loader treated one malformed spec (empty: nothing). */
function problemsOf({ c, fileText, outcome }: Result): string[] {
  if (outcome.kind === "loaded") return c.mayBeValid ? [] : ["loadSpecs returned: the malformed spec was accepted"];
  if (outcome.kind === "crashed") {
    const e = outcome.error as Error;
    return [`loadSpecs threw ${e?.name ?? typeof e} instead of SpecValidationError: ${e?.stack ?? String(e)}`];
  }
  const problems: string[] = [];
  const lines = fileText.split("\n");
  if (outcome.issues.length === 0) problems.push("SpecValidationError without issues");
  for (const issue of outcome.issues) {
    const where = `${issue.file}:${issue.line}:${issue.column}: ${JSON.stringify(issue.message)}`;
    // The service file is valid; every issue belongs to the cmdlet file.
    if (issue.file !== SHOWN) problems.push(`issue names the wrong file: ${where}`);
    if (!Number.isInteger(issue.line) || issue.line < 1 || issue.line > lines.length + 1) problems.push(`line outside the file (${lines.length} lines): ${where}`);
    const lineLength = lines[issue.line - 1]?.length ?? 0;
    if (!Number.isInteger(issue.column) || issue.column < 1 || issue.column > lineLength + 1) problems.push(`column outside line ${issue.line} (${lineLength} characters): ${where}`);
    if (typeof issue.message !== "string" || issue.message.trim() === "") problems.push(`empty message: ${where}`);
    else {
      if (/\n\s*at |\bat .*\(.*:\d+:\d+\)|\.(ts|js):\d+:\d+/.test(issue.message)) problems.push(`message with a stack trace: ${where}`);
      // one issue, one line of output (`path:line:col: message`)
      if (/[\r\n]/.test(issue.message)) problems.push(`message spans lines: ${where}`);
    }
  }
  if (c.line !== undefined && !outcome.issues.some((i) => i.line === c.line)) {
    problems.push(`no issue on line ${c.line}; issues: ${outcome.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join(" | ")}`);
  }
  return problems;
}

const invalid = (rs: Result[]) => rs.filter((r) => r.outcome.kind !== "loaded");

beforeAll(async () => {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  fuzzRoot = mkdtempSync(join(tmpdir(), "spec-fuzz-"));
  for (const [n, [family, make]] of FAMILIES.entries()) {
    // One spec dir per family, its cmdlet file rewritten for each case (creating and
    // removing thousands of dirs is what made this slow, not loading them).
    const dir = join(fuzzRoot, `family-${n}`);
    writeSpecDir(dir, "");
    const rs: Result[] = [];
    for (const c of make()) {
      writeFileSync(join(dir, "cmdlets", FILE), c.text);
      // the text the loader reads (invalid UTF-8 becomes U+FFFD)
      rs.push({ c, fileText: Buffer.from(c.text).toString("utf8"), outcome: load(dir) });
      // let the worker answer vitest's RPC now and then (a long synchronous loop times it out)
      if (rs.length % 50 === 0) await new Promise((done) => setImmediate(done));
    }
    results.set(family, rs);
  }
  elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  cpuMs = (cpu.user + cpu.system) / 1000;
}, 120_000); // a few seconds on an idle machine; generous for a busy one

afterAll(() => {
  if (fuzzRoot) rmSync(fuzzRoot, { recursive: true, force: true });
}, 60_000);

describe("the specs the fuzz cases start from", () => {
  it.each([
    ["VALID", VALID.join("\n")],
    ["FULL", text(FULL)],
  ])("%s loads", (name, spec) => {
    const dir = join(fuzzRoot, `valid-${name}`);
    writeSpecDir(dir, spec);
    expect(load(dir)).toEqual({ kind: "loaded" });
  });
});

describe("malformed cmdlet specs are rejected with located, readable issues", () => {
  it.each(FAMILIES.map(([family]) => family))("%s", (family) => {
    const rs = results.get(family)!;
    const failures = rs.flatMap((r) => problemsOf(r).map((p) => `[${r.c.title}] ${p}`));
    expect(failures.slice(0, 20).join("\n"), `${failures.length} problem(s), the first 20 shown`).toBe("");
    // every family contributes many really invalid specs
    expect(invalid(rs).length).toBeGreaterThanOrEqual(family === "anchors, aliases and tags" ? 15 : 25);
  });

  it("tests at least 500 really invalid specs", () => {
    const summary = [...results].map(([family, rs]) => `${family}: ${invalid(rs).length} invalid of ${rs.length} generated`);
    const total = [...results.values()].reduce((sum, rs) => sum + invalid(rs).length, 0);
    console.log(`${summary.join("\n")}\ntotal: ${total} invalid specs, generated, written and loaded in ${Math.round(elapsedMs)} ms (${Math.round(cpuMs)} ms of CPU)`);
    expect(total).toBeGreaterThanOrEqual(500);
  });

  it("generates the same cases every time", () => {
    for (const [family, make] of FAMILIES) {
      expect(make().map((c) => c.text.toString()), family).toEqual(results.get(family)!.map((r) => r.c.text.toString()));
    }
  });
});

describe("the generator CLI refuses malformed specs", () => {
  it("exits 1, prints path:line:col: message and writes nothing", async () => {
    const picks = ["truncated", "wrong types", "reserved names", "duplicate YAML keys", "random mutations"].map(
      (family) => invalid(results.get(family)!)[7]!,
    );
    await Promise.all(
      picks.map(async (r, k) => {
        const dir = join(fuzzRoot, `cli-${k}`);
        writeSpecDir(dir, r.c.text);
        const out = join(fuzzRoot, `out-${k}`);
        const run = await execa(process.execPath, ["--import", "tsx", cli, "--specs", dir, "--out", out], { cwd: repoRoot, reject: false, timeout: 100_000 });
        const context = `${r.c.family} [${r.c.title}]\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
        expect(run.exitCode, context).toBe(1);
        const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
        expect(lines.length, context).toBeGreaterThan(0);
        const shown = join(basename(dir), "cmdlets", FILE); // relative to the parent of --specs
        for (const line of lines) {
          const m = /^(.+?):(\d+):(\d+): (\S.*)$/.exec(line);
          expect(m, `${context}\nline: ${line}`).not.toBeNull();
          expect(m![1], context).toBe(shown);
          expect(Number(m![2])).toBeGreaterThanOrEqual(1);
          expect(Number(m![3])).toBeGreaterThanOrEqual(1);
        }
        expect(existsSync(out), context).toBe(false);
      }),
    );
  }, 120_000); // each run starts node with tsx: ~2 s, far more on a busy machine
});
