// The spec loader: the real specs load, and each kind of mistake in a spec is reported
// with its file, the line (and column) where it is, and what was expected.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SpecValidationError, type SpecIssue } from "../../src/spec/errors.js";
import { loadSpecs } from "../../src/spec/loader.js";
import { VALID } from "./spec-fixtures.js";

const root = resolve(import.meta.dirname, "../..");
const realService = readFileSync(join(root, "specs", "service.yaml"), "utf8");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function specDir(cmdlets: Record<string, string>, service = realService): string {
  const dir = mkdtempSync(join(tmpdir(), "specs-"));
  dirs.push(dir);
  mkdirSync(join(dir, "cmdlets"));
  writeFileSync(join(dir, "service.yaml"), service);
  for (const [name, text] of Object.entries(cmdlets)) writeFileSync(join(dir, "cmdlets", name), text);
  return dir;
}

function issuesOf(dir: string): SpecIssue[] {
  try {
    loadSpecs(dir, { displayRoot: dir });
  } catch (error) {
    if (error instanceof SpecValidationError) return error.issues;
    throw error;
  }
  return [];
}

/** VALID with 1-based line `n` replaced by `lines` (none: deleted). */
function edit(n: number, ...lines: string[]): string {
  const copy = [...VALID];
  copy.splice(n - 1, 1, ...lines);
  return copy.join("\n");
}

describe("the project's specs", () => {
  it("load without issues", () => {
    const specs = loadSpecs(join(root, "specs"), { displayRoot: root });
    expect(specs.service.nounPrefix).toBe("CGIP");
    expect(specs.cmdlets.map((c) => c.name)).toContain("Get-CGIPUserAttributeVerificationCode");
    const seed = specs.cmdlets.find((c) => c.name === "Get-CGIPUserAttributeVerificationCode")!.spec;
    expect(seed.parameters.map((p) => p.name)).toEqual(["AccessToken", "AttributeName", "ClientMetadata"]);
    expect(seed.select).toBe("CodeDeliveryDetails");
  });

  it("accept the small spec the cases below start from", () => {
    expect(issuesOf(specDir({ "Get-CGIPThing.yaml": VALID.join("\n") }))).toEqual([]);
  });

  it("accept the keys scaffolded specs use: shaped types, pagination, shouldProcess, select '(none)'", () => {
    const text = edit(15, "    type: structureList", "    shape: AttributeType", "    aliases: [AttributeNames]")
      .replace("select: CodeDeliveryDetails", "select: '(none)'")
      .concat("\npagination:\n  tokenParameter: AccessToken\n  nextToken: CodeDeliveryDetails\nshouldProcess:\n  impact: High\n  target: AttributeName");
    expect(issuesOf(specDir({ "Get-CGIPThing.yaml": text }))).toEqual([]);
  });
});

interface Case {
  title: string;
  text: string;
  file?: string;
  line: number;
  message: string;
}

const CASES: Case[] = [
  { title: "an unknown top-level key", text: `${VALID.join("\n")}\ncolour: blue`, line: 25, message: "unknown key 'colour'" },
  { title: "a misspelt parameter key", text: edit(12, "    sensitve: true"), line: 12, message: "parameters[0]: unknown key 'sensitve' (expected one of: name, member, type" },
  { title: "a parameter without help", text: edit(16), line: 14, message: "parameters[1]: missing required key 'help'" },
  { title: "a missing top-level key", text: edit(3), line: 1, message: "missing required key 'operation'" },
  { title: "a boolean given as text", text: edit(10, "    mandatory: yes please"), line: 10, message: "parameters[0].mandatory: expected a boolean (true or false), found string" },
  { title: "an unknown parameter type", text: edit(15, "    type: strin"), line: 15, message: 'parameters[1].type: "strin" is not allowed; expected one of: string, integer' },
  { title: "an unknown pipeline kind", text: edit(11, "    pipeline: [byName]"), line: 11, message: 'parameters[0].pipeline[0]: "byName" is not allowed; expected one of: byValue, byPropertyName' },
  { title: "an unknown auth kind", text: edit(4, "auth: iam"), line: 4, message: 'auth: "iam" is not allowed; expected one of: anonymous, signed' },
  { title: "a verb PowerShell does not approve", text: edit(1, "verb: Fetch"), file: "Fetch-CGIPThing.yaml", line: 1, message: "verb: 'Fetch' is not an approved PowerShell verb" },
  { title: "a common parameter name", text: edit(14, "  - name: Verbose"), line: 14, message: "name 'Verbose' is reserved: it is a PowerShell common parameter" },
  { title: "a name every cmdlet already has", text: edit(14, "  - name: Region"), line: 14, message: "name 'Region' is reserved: it is a parameter every cmdlet of this module has" },
  { title: "a reserved alias", text: edit(16, "    help: The attribute.", "    aliases: [ea]"), line: 17, message: "alias 'ea' is reserved: it is a PowerShell common parameter (ea)" },
  { title: "two parameters with one name", text: edit(14, "  - name: ACCESSTOKEN"), line: 14, message: "parameters[1]: name 'ACCESSTOKEN' clashes with name 'AccessToken' of parameter AccessToken" },
  { title: "an alias that is another parameter's name", text: edit(16, "    help: The attribute.", "    aliases: [AccessToken]"), line: 17, message: "alias 'AccessToken' clashes with name 'AccessToken'" },
  { title: "two parameters at one position", text: edit(16, "    help: The attribute.", "    position: 0").replace("    sensitive: true", "    sensitive: true\n    position: 0"), line: 18, message: "parameters[1]: position 0 is already taken by AccessToken" },
  { title: "two parameters taking pipeline input by value", text: edit(16, "    help: The attribute.", "    pipeline: [byValue]").replace("[byPropertyName]", "[byValue]"), line: 17, message: "only one parameter can take pipeline input by value" },
  { title: "an unclosed flow sequence", text: edit(11, "    pipeline: [byPropertyName"), line: 12, message: "invalid YAML" },
  { title: "a key given twice", text: `${VALID.join("\n")}\nverb: Set`, line: 25, message: "invalid YAML: Map keys must be unique" },
  { title: "a -Select default that is not in the response", text: edit(17, "select: CodeDeliveryDetail"), line: 17, message: "select: 'CodeDeliveryDetail' is not '*' or a property path of Response (Response has no property 'CodeDeliveryDetail')" },
  { title: "a member of an undefined type", text: edit(22, "      CodeDeliveryDetails: Detail"), line: 22, message: "output.shapes.Response.CodeDeliveryDetails: type 'Detail' is neither a scalar" },
  { title: "an output type that is not a shape", text: edit(19, "  type: Resp"), line: 19, message: "output.type: 'Resp' is not one of the shapes defined under output.shapes" },
  // Structure parameters name the SDK shape they take; other types must not.
  { title: "a structure parameter without a shape", text: edit(15, "    type: structureList"), line: 15, message: "parameters[1]: a structureList parameter needs 'shape', the SDK shape it takes" },
  { title: "a shape on a string parameter", text: edit(15, "    type: string", "    shape: AttributeType"), line: 16, message: "parameters[1]: 'shape' is only for structure, structureList and structureMap parameters" },
  // Pagination and ShouldProcess refer to the cmdlet's own parameters and response.
  { title: "a pagination token parameter that does not exist", text: `${VALID.join("\n")}\npagination:\n  tokenParameter: Token\n  nextToken: Destination`, line: 26, message: "pagination.tokenParameter: the token parameter 'Token' is not one of the cmdlet's parameters" },
  { title: "a next token that is not in the response", text: `${VALID.join("\n")}\npagination:\n  tokenParameter: AttributeName\n  nextToken: Next`, line: 27, message: "pagination.nextToken: 'Next' is not a member of Response" },
  { title: "a ShouldProcess target that does not exist", text: `${VALID.join("\n")}\nshouldProcess:\n  impact: High\n  target: Nope`, line: 27, message: "shouldProcess.target: the target 'Nope' is not one of the cmdlet's parameters" },
  { title: "an unknown ShouldProcess impact", text: `${VALID.join("\n")}\nshouldProcess:\n  impact: Severe`, line: 26, message: 'shouldProcess.impact: "Severe" is not allowed; expected one of: Low, Medium, High' },
  { title: "a parameter named like the paginated cmdlets' switch", text: `${edit(14, "  - name: NoAutoIteration")}\npagination:\n  tokenParameter: AccessToken\n  nextToken: CodeDeliveryDetails`, line: 14, message: "name 'NoAutoIteration' is reserved: it is a parameter every paginated cmdlet has" },
  { title: "a parameter named like the mutating cmdlets' switch", text: `${edit(14, "  - name: Force")}\nshouldProcess:\n  impact: Low`, line: 14, message: "name 'Force' is reserved: it is a parameter every mutating cmdlet has" },
  { title: "a default page size without a page size parameter", text: `${VALID.join("\n")}\npagination:\n  tokenParameter: AttributeName\n  nextToken: CodeDeliveryDetails\n  defaultPageSize: 60`, line: 28, message: "pagination.defaultPageSize: needs pagination.pageSizeParameter" },
  { title: "a default page size for a mandatory page size parameter", text: `${VALID.join("\n")}\npagination:\n  tokenParameter: AttributeName\n  nextToken: CodeDeliveryDetails\n  pageSizeParameter: AccessToken\n  defaultPageSize: 60`, line: 29, message: "pagination.defaultPageSize: the page size parameter 'AccessToken' is mandatory, so the default would never be sent" },
  { title: "a signed cmdlet without credential parameters", text: edit(4, "auth: signed", "credentialParameters: false"), line: 5, message: "credentialParameters: a signed cmdlet always takes the credential parameters" },
  { title: "a parameter named like a credential parameter of an anonymous cmdlet that takes them", text: edit(4, "auth: anonymous", "credentialParameters: true").replace("  - name: AttributeName", "  - name: ProfileName"), line: 15, message: "name 'ProfileName' is reserved: it is a parameter every credentialed cmdlet has" },
  { title: "a file named after another cmdlet", text: VALID.join("\n"), file: "Get-CGIPOther.yaml", line: 1, message: "the file of cmdlet Get-CGIPThing must be named Get-CGIPThing.yaml" },
  { title: "a negative position", text: edit(12, "    position: -1"), line: 12, message: "parameters[0].position: must be >= 0" },
  { title: "a parameter name that is not PascalCase", text: edit(14, "  - name: attribute-name"), line: 14, message: 'parameters[1].name: "attribute-name" does not have the expected form' },
  { title: "a list where a mapping goes", text: "- verb: Get\n- noun: Thing", line: 1, message: "expected a mapping of keys to values at the top of the file" },
  { title: "an empty synopsis", text: edit(5, 'synopsis: ""'), line: 5, message: "synopsis: expected a non-empty string" },
];

describe("an invalid cmdlet spec is reported with file, line and what was expected", () => {
  it.each(CASES)("$title", ({ text, file = "Get-CGIPThing.yaml", line, message }) => {
    const issues = issuesOf(specDir({ [file]: text }));
    expect(issues.length).toBeGreaterThan(0);
    const match = issues.find((i) => i.message.includes(message));
    expect(match, `issues were:\n${issues.map((i) => `${i.line}: ${i.message}`).join("\n")}`).toBeDefined();
    expect(match!.file).toBe(join("cmdlets", file));
    expect(match!.line).toBe(line);
    expect(match!.column).toBeGreaterThanOrEqual(1);
  });

  it("reports every problem in a file, not just the first", () => {
    const text = edit(12, "    sensitve: true").replace("    type: string\n    help: The attribute.", "    type: strin\n    help: The attribute.");
    const issues = issuesOf(specDir({ "Get-CGIPThing.yaml": text }));
    expect(issues.map((i) => [i.line, i.message.split(" (")[0]])).toEqual([
      [12, "parameters[0]: unknown key 'sensitve'"],
      [15, 'parameters[1].type: "strin" is not allowed; expected one of: string, integer, long, double, boolean, timestamp, stringList, stringMap, structure, structureList, structureMap, document, blob'],
    ]);
  });

  it("reports a cmdlet defined twice across files", () => {
    const other = VALID.join("\n").replace("noun: Thing", "noun: Other");
    const issues = issuesOf(specDir({ "Get-CGIPThing.yaml": VALID.join("\n"), "Get-CGIPOther.yaml": other }));
    expect(issues.map((i) => i.message)).toContain(
      "operation GetUserAttributeVerificationCode already has a cmdlet in " + join("cmdlets", "Get-CGIPOther.yaml"),
    );
  });
});

describe("an invalid service spec", () => {
  it("names an unknown key and its line", () => {
    const service = realService.replace("nounPrefix: CGIP", "nounPrefix: CGIP\nprefix: X");
    const issues = issuesOf(specDir({ "Get-CGIPThing.yaml": VALID.join("\n") }, service));
    const issue = issues.find((i) => i.message.includes("unknown key 'prefix'"))!;
    expect(issue.file).toBe("service.yaml");
    expect(issue.line).toBe(service.split("\n").indexOf("prefix: X") + 1);
  });

  it("rejects a module GUID of the wrong form", () => {
    const service = realService.replace(/guid: .*/, "guid: not-a-guid");
    const issues = issuesOf(specDir({ "Get-CGIPThing.yaml": VALID.join("\n") }, service));
    const issue = issues.find((i) => i.message.startsWith("module.guid:"))!;
    expect(issue.line).toBe(service.split("\n").findIndex((l) => l.includes("not-a-guid")) + 1);
  });
});
