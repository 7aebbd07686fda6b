// `npm run scaffold`: one spec per SDK operation, rewritten from the SDK, the naming
// table and the overlays; hand edits survive only in overlays or in files without the
// scaffold header. The CLI is run for real, on temporary copies of specs/.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ruleName } from "../../src/scaffold/names.js";
import { listOperations } from "../../src/sdk-schema/schema.js";
import type { CmdletSpec, ParameterSpec } from "../../src/spec/types.js";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "src", "scaffold", "cli.ts");
const HEADER = "# Scaffolded by `npm run scaffold`";
const SEED = "Get-CGIPUserAttributeVerificationCode.yaml";
const LIST_USERS = "Get-CGIPUserList.yaml";

const work = mkdtempSync(join(tmpdir(), "scaffold-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scaffold = (...args: string[]) => execa(process.execPath, ["--import", "tsx", cli, ...args], { cwd: root, reject: false, timeout: 100_000 });

let copies = 0;
/** A fresh copy of the repository's specs/ (with an overlays folder, which git does not keep when empty). */
function copySpecs(): string {
  const dir = join(work, `specs-${++copies}`);
  cpSync(join(root, "specs"), dir, { recursive: true });
  mkdirSync(join(dir, "overlays"), { recursive: true });
  return dir;
}
const read = (dir: string, file: string) => readFileSync(join(dir, "cmdlets", file), "utf8");
const cmdletFiles = (dir: string) => readdirSync(join(dir, "cmdlets")).filter((f) => f.endsWith(".yaml")).sort();
const repoSpec = (file: string) => parse(read(join(root, "specs"), file)) as CmdletSpec;
function parameter(spec: CmdletSpec, name: string): ParameterSpec {
  const p = spec.parameters.find((x) => x.name === name);
  if (!p) throw new Error(`${spec.verb}-${spec.noun} has no parameter ${name}; it has ${spec.parameters.map((x) => x.name).join(", ")}`);
  return p;
}

describe("npm run scaffold -- --check", () => {
  it("passes on the repository's specs as committed", async () => {
    const result = await scaffold("--check");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("specs/cmdlets is up to date (139 scaffolded, 1 by hand)");
  });

  it("agrees with a real re-scaffold: scaffolding a copy leaves every file as it was", async () => {
    const dir = copySpecs();
    const result = await scaffold("--specs", dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("(0 written, 0 deleted)");
    expect(cmdletFiles(dir)).toEqual(cmdletFiles(join(root, "specs")));
    for (const file of cmdletFiles(dir)) expect(read(dir, file), file).toBe(read(join(root, "specs"), file));
  }, 60_000);
});

describe("hand edits", () => {
  const overlay = [
    "synopsis: Lists the users of a user pool (hand-written synopsis).",
    "parameters:",
    "  Filter:",
    "    help: A hand-written help text for -Filter.",
    "",
  ].join("\n");

  it("in an overlay, appear in the spec after re-scaffolding, and --check then passes", async () => {
    const dir = copySpecs();
    const before = parse(read(dir, LIST_USERS)) as CmdletSpec;
    writeFileSync(join(dir, "overlays", "ListUsers.yaml"), overlay);

    // Until re-scaffolded, the spec no longer is what the overlay gives.
    const stale = await scaffold("--check", "--specs", dir);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain(`would write specs/cmdlets/${LIST_USERS}`);

    expect((await scaffold("--specs", dir)).exitCode).toBe(0);
    const text = read(dir, LIST_USERS);
    expect(text.split("\n")[0]).toBe(`${HEADER} from the SDK's ListUsers schema and specs/overlays/ListUsers.yaml.`);
    const after = parse(text) as CmdletSpec;
    expect(after.synopsis).toBe("Lists the users of a user pool (hand-written synopsis).");
    expect(parameter(after, "Filter").help).toBe("A hand-written help text for -Filter.");
    // Only what the overlay names changed.
    expect({ ...after, synopsis: before.synopsis, parameters: after.parameters.map((p) => (p.name === "Filter" ? parameter(before, "Filter") : p)) }).toEqual(before);

    const check = await scaffold("--check", "--specs", dir);
    expect(check.stderr).toBe("");
    expect(check.exitCode).toBe(0);
  }, 60_000);

  it("made directly in a scaffolded spec fail --check, and are overwritten by a re-scaffold", async () => {
    const dir = copySpecs();
    const original = read(dir, LIST_USERS);
    const edited = original.replace(/^synopsis: .*$/m, "synopsis: Lists the users of a user pool (hand-written synopsis).");
    expect(edited).not.toBe(original);
    writeFileSync(join(dir, "cmdlets", LIST_USERS), edited);

    const check = await scaffold("--check", "--specs", dir);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain(`would write specs/cmdlets/${LIST_USERS}`);
    expect(read(dir, LIST_USERS)).toBe(edited); // --check writes nothing

    expect((await scaffold("--specs", dir)).exitCode).toBe(0);
    expect(read(dir, LIST_USERS)).toBe(original);
  }, 60_000);

  it("renaming a cmdlet in an overlay writes the new file and deletes the old one", async () => {
    const dir = copySpecs();
    writeFileSync(join(dir, "overlays", "ListUsers.yaml"), "noun: UserListing\n");
    expect((await scaffold("--specs", dir)).exitCode).toBe(0);
    const files = cmdletFiles(dir);
    expect(files).toContain("Get-CGIPUserListing.yaml");
    expect(files).not.toContain(LIST_USERS);
    expect(files).toHaveLength(140);
  }, 60_000);
});

describe("specs written by hand", () => {
  it("the seed spec is byte-identical after scaffolding, and its operation gets no second spec", async () => {
    const dir = copySpecs();
    const seed = read(dir, SEED);
    expect(seed.startsWith(HEADER)).toBe(false);
    expect((await scaffold("--specs", dir)).exitCode).toBe(0);
    expect(read(dir, SEED)).toBe(seed);
    const forOperation = cmdletFiles(dir).filter((f) => /^operation: GetUserAttributeVerificationCode$/m.test(read(dir, f)));
    expect(forOperation).toEqual([SEED]);
  }, 60_000);

  it("a scaffolded spec whose header line was deleted is left alone from then on", async () => {
    const dir = copySpecs();
    const file = "Remove-CGIPUserAdmin.yaml";
    const lines = read(dir, file).split("\n");
    expect(lines[0]!.startsWith(HEADER)).toBe(true);
    // Taken over by hand: header gone, and an edit the scaffold would otherwise undo.
    const owned = lines.slice(1).join("\n").replace(/^synopsis: .*$/m, "synopsis: Deletes a user (hand-written).");
    writeFileSync(join(dir, "cmdlets", file), owned);

    const result = await scaffold("--specs", dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("left 2 hand-written spec(s) alone");
    expect(read(dir, file)).toBe(owned);
    expect(cmdletFiles(dir).filter((f) => /^operation: AdminDeleteUser$/m.test(read(dir, f)))).toEqual([file]);
    expect((await scaffold("--check", "--specs", dir)).exitCode).toBe(0);
  }, 60_000);

  it("refuses an overlay for an operation whose spec is written by hand, rather than ignore it", async () => {
    const dir = copySpecs();
    writeFileSync(join(dir, "overlays", "GetUserAttributeVerificationCode.yaml"), "synopsis: Never applied.\n");
    const result = await scaffold("--specs", dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("specs/overlays/GetUserAttributeVerificationCode.yaml: GetUserAttributeVerificationCode's spec is written by hand");
  }, 60_000);

  it("a scaffolded spec no operation gives any more is deleted (and --check says so)", async () => {
    const dir = copySpecs();
    const stray = "Get-CGIPRetired.yaml";
    writeFileSync(join(dir, "cmdlets", stray), `${HEADER} from the SDK's Retired schema.\nverb: Get\nnoun: Retired\noperation: Retired\n`);
    const check = await scaffold("--check", "--specs", dir);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain(`would delete specs/cmdlets/${stray}`);
    expect((await scaffold("--specs", dir)).exitCode).toBe(0);
    expect(cmdletFiles(dir)).not.toContain(stray);
  }, 60_000);
});

describe("a bad overlay", () => {
  it.each([
    ["names a parameter the scaffold did not make", "parameters:\n  Filtre:\n    help: x\n", "parameters.Filtre: the scaffold made no parameter named 'Filtre'"],
    ["has an unknown key", "synopsis: x\ncolour: blue\n", "'colour' is not a cmdlet spec key"],
    ["has an unknown parameter field", "parameters:\n  Filter:\n    helpp: x\n", "parameters.Filter.helpp is not a parameter field"],
  ])("that %s fails the scaffold, naming the overlay file, and writes nothing", async (_title, text, message) => {
    const dir = copySpecs();
    const before = read(dir, LIST_USERS);
    writeFileSync(join(dir, "overlays", "ListUsers.yaml"), text);
    const result = await scaffold("--specs", dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`specs/overlays/ListUsers.yaml: ${message}`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(read(dir, LIST_USERS)).toBe(before);
  }, 60_000);
});

describe("the repository's specs/cmdlets", () => {
  const dir = join(root, "specs");
  const specs = new Map(cmdletFiles(dir).map((f) => [f, parse(read(dir, f)) as CmdletSpec]));

  it("holds exactly one spec per SDK operation (140), each in the file its name gives", () => {
    const operations = [...listOperations(sdk as unknown as Record<string, unknown>).keys()].sort();
    expect(operations).toHaveLength(140);
    const specOperations = [...specs.values()].map((s) => s.operation).sort();
    expect(specOperations).toEqual(operations); // no operation missing, none twice
    for (const [file, spec] of specs) expect(file).toBe(`${spec.verb}-CGIP${spec.noun}.yaml`);
  });

  it("names every operation in the naming table as AWS Tools does", () => {
    const rows = readFileSync(join(dir, "scaffold", "aws-tools-names.tsv"), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"))
      .slice(1)
      .map((l) => l.split("\t"));
    expect(rows.length).toBeGreaterThan(100);
    const byOperation = new Map([...specs].map(([file, spec]) => [spec.operation, { file, spec }]));
    for (const [operation, cmdlet, select, pipeline] of rows) {
      const found = byOperation.get(operation!);
      expect(found?.file, operation).toBe(`${cmdlet}.yaml`);
      expect(found?.spec.select, operation).toBe(select);
      // The pipeline parameter at position 0, by its AWS Tools name (flattened ones too:
      // GetProvisionedLimit's is LimitDefinition_LimitClass).
      const bound = found?.spec.parameters.filter((p) => p.pipeline?.includes("byValue")).map((p) => `${p.name}@${p.position}`);
      expect(bound, operation).toEqual(pipeline ? [`${pipeline}@0`] : []);
    }
  });

  it("follows AWS Tools where it departs from the rules: default page sizes, whole structures, renames, base classes", () => {
    // ListUserPools requires MaxResults; AWS Tools makes it optional and sends 50.
    const pools = repoSpec("Get-CGIPUserPoolList.yaml");
    expect(parameter(pools, "MaxResult").mandatory).toBeUndefined();
    expect(pools.pagination?.defaultPageSize).toBe(50);
    // Structures AWS Tools keeps whole, singular with the SDK name as alias.
    const mfa = repoSpec("Set-CGIPUserMFAPreference.yaml");
    expect(parameter(mfa, "SMSMfaSetting")).toMatchObject({ type: "structure", shape: "SMSMfaSettingsType", member: "SMSMfaSettings", aliases: ["SMSMfaSettings"] });
    expect(mfa.parameters.some((p) => p.name.startsWith("SMSMfaSettings_"))).toBe(false);
    expect(parameter(mfa, "EmailMfaSettings_Enabled").member).toBe("EmailMfaSettings.Enabled");
    // A member named like a credential parameter is renamed as AWS Tools names it.
    expect(parameter(repoSpec("Complete-CGIPWebAuthnRegistration.yaml"), "WebAuthnCredential").member).toBe("Credential");
    // Anonymous operations take credential parameters unless AWS Tools' anonymous base class says not.
    expect(repoSpec("Start-CGIPAuth.yaml")).toMatchObject({ auth: "anonymous", credentialParameters: true });
    expect(repoSpec("Get-CGIPUser.yaml").credentialParameters).toBeUndefined();
    // ListTerms has tokens, but AWS Tools makes one call, and so no -MaxItems alias.
    const terms = repoSpec("Get-CGIPTermList.yaml");
    expect(terms.pagination).toBeUndefined();
    expect(parameter(terms, "MaxResult").aliases).toEqual(["MaxResults"]);
  });

  it("ListUsers -> Get-CGIPUserList, selecting Users, paging by PaginationToken and Limit (AWS Tools' 60 by default)", () => {
    const spec = repoSpec(LIST_USERS);
    expect(spec.operation).toBe("ListUsers");
    expect(spec.select).toBe("Users");
    expect(spec.pagination).toEqual({ tokenParameter: "PaginationToken", nextToken: "PaginationToken", pageSizeParameter: "Limit", defaultPageSize: 60 });
    expect(parameter(spec, "PaginationToken").aliases).toEqual(["NextToken"]);
    expect(parameter(spec, "Limit").aliases).toEqual(["MaxItems"]);
    expect(parameter(spec, "UserPoolId")).toMatchObject({ mandatory: true, position: 0, pipeline: ["byValue", "byPropertyName"] });
    expect(spec.shouldProcess).toBeUndefined(); // a Get cmdlet changes nothing
  });

  it("AdminDeleteUser -> Remove-CGIPUserAdmin, confirming with impact High", () => {
    const spec = repoSpec("Remove-CGIPUserAdmin.yaml");
    expect(spec.operation).toBe("AdminDeleteUser");
    expect(spec.shouldProcess?.impact).toBe("High");
    expect(spec.select).toBe("(none)");
  });

  it("UpdateUserAttributes' UserAttributes -> -UserAttribute (alias UserAttributes), a list of AttributeType", () => {
    const spec = repoSpec("Update-CGIPUserAttribute.yaml");
    expect(spec.operation).toBe("UpdateUserAttributes");
    expect(parameter(spec, "UserAttribute")).toMatchObject({
      member: "UserAttributes",
      type: "structureList",
      shape: "AttributeType",
      mandatory: true,
      aliases: ["UserAttributes"],
    });
    expect(spec.parameters.some((p) => p.name === "UserAttributes")).toBe(false);
    expect(parameter(spec, "AccessToken").sensitive).toBe(true);
  });

  it("CreateUserPool's Policies.PasswordPolicy.MinimumLength -> -PasswordPolicy_MinimumLength", () => {
    const spec = repoSpec("New-CGIPUserPool.yaml");
    expect(spec.operation).toBe("CreateUserPool");
    expect(parameter(spec, "PasswordPolicy_MinimumLength")).toMatchObject({
      member: "Policies.PasswordPolicy.MinimumLength",
      type: "integer",
      aliases: ["Policies_PasswordPolicy_MinimumLength"],
    });
    // Flattened: no parameter takes the whole Policies structure.
    expect(spec.parameters.some((p) => p.member === "Policies" || p.name === "Policies")).toBe(false);
  });

  it("an operation missing from the naming table (ListUserSessions) gets the rule's name", () => {
    const tsv = readFileSync(join(dir, "scaffold", "aws-tools-names.tsv"), "utf8");
    expect(tsv).not.toMatch(/^ListUserSessions\t/m);
    const file = "Get-CGIPUserSessionList.yaml";
    expect(read(dir, file)).toContain("# Naming: the rule for operations AWS Tools has no cmdlet for.");
    const spec = repoSpec(file);
    expect(spec.operation).toBe("ListUserSessions");
    expect(parameter(spec, "AccessToken")).toMatchObject({ position: 0, pipeline: ["byValue", "byPropertyName"], sensitive: true });
  });
});

describe("ruleName (operations AWS Tools has no cmdlet for)", () => {
  it("maps the operation's verb to an approved one and makes the noun singular", () => {
    expect(ruleName("ListUserSessions", ["Sessions", "NextToken"], "AccessToken")).toEqual({
      verb: "Get",
      noun: "UserSessionList",
      select: "*", // two members, and no paginator says NextToken is a token
      pipeline: "AccessToken",
      source: "rule",
    });
    expect(ruleName("DescribeManagedLoginBrandingPolicies", ["X"], undefined)).toMatchObject({ verb: "Get", noun: "ManagedLoginBrandingPolicy" });
    expect(ruleName("CreateWidget", [], undefined)).toMatchObject({ verb: "New", noun: "Widget" });
  });

  it("moves an Admin prefix to the end of the noun", () => {
    expect(ruleName("AdminListUserSessions", ["Sessions", "NextToken"], "UserPoolId", "NextToken")).toMatchObject({
      verb: "Get",
      noun: "UserSessionListAdmin",
    });
  });

  it("falls back to Invoke, keeping an unapproved verb in the noun", () => {
    expect(ruleName("FrobnicateWidgets", [], undefined)).toMatchObject({ verb: "Invoke", noun: "FrobnicateWidget" });
  });

  it("selects the only member besides the pagination token, '*' for several, '(none)' for none", () => {
    expect(ruleName("ListUserSessions", ["Sessions", "NextToken"], "AccessToken", "NextToken").select).toBe("Sessions");
    expect(ruleName("GetThing", ["A", "B"], undefined).select).toBe("*");
    expect(ruleName("DeleteThing", [], undefined).select).toBe("(none)");
    expect(ruleName("DeleteThing", [], undefined).pipeline).toBeUndefined();
  });
});
