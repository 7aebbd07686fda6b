// Profiles in the shared files: an edit changes only the keys it sets, and a write never
// loses or truncates what the files held. Against real files in a temporary folder.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { updateFile } from "../../src/runtime/atomic-file.js";
import { editSection, joinIni, removeSection, splitIni } from "../../src/runtime/ini-edit.js";
import { describeProfile, listProfiles, removeProfile, storeProfile } from "../../src/runtime/profile-store.js";

const edit = (text: string, section: string, values: Record<string, string | null>) => joinIni(editSection(splitIni(text), section, section, values));
const remove = (text: string, section: string) => joinIni(removeSection(splitIni(text), section));

describe("editing an ini file", () => {
  const FILE = [
    "# my credentials, hand-kept",
    "[default]",
    "aws_access_key_id = AKIDOLD",
    "aws_secret_access_key = old",
    "; a comment inside",
    "custom_key = keep me",
    "",
    "# the build account",
    "[build]",
    "region=eu-west-1",
    "s3 =",
    "  max_concurrent_requests = 20",
    "",
  ].join("\n");

  it("replaces a key in place and keeps every other line", () => {
    const out = edit(FILE, "default", { aws_access_key_id: "AKIDNEW" });
    expect(out).toBe(FILE.replace("aws_access_key_id = AKIDOLD", "aws_access_key_id = AKIDNEW"));
  });

  it("adds a key after the section's last key, before the comments that lead into the next section", () => {
    const out = edit(FILE, "default", { aws_session_token: "tok" }).split("\n");
    expect(out.slice(5, 9)).toEqual(["custom_key = keep me", "aws_session_token = tok", "", "# the build account"]);
  });

  it("removes a key with its indented sub-properties", () => {
    const out = edit(FILE, "build", { s3: null });
    expect(out.endsWith("[build]\nregion=eu-west-1\n")).toBe(true);
    expect(out).not.toContain("max_concurrent_requests");
  });

  it("appends a new section with a blank line before it, and keeps CRLF line endings", () => {
    expect(edit("[a]\nx = 1\n", "b", { y: "2" })).toBe("[a]\nx = 1\n\n[b]\ny = 2\n");
    expect(edit("[a]\r\nx = 1\r\n", "a", { z: "3" })).toBe("[a]\r\nx = 1\r\nz = 3\r\n");
    expect(edit("", "default", { region: "us-east-1" })).toBe("[default]\nregion = us-east-1\n");
  });

  it("finds sections as the SDK files them, and leaves a missing section alone when only removing", () => {
    const config = "[profile dev] # the dev account\nregion = a\n[profile \"qa\"]\nregion = q\n";
    expect(joinIni(editSection(splitIni(config), "profile.dev", "profile dev", { region: "b" }))).toBe("[profile dev] # the dev account\nregion = b\n[profile \"qa\"]\nregion = q\n");
    expect(joinIni(editSection(splitIni(config), "profile.qa", "profile qa", { output: "json" }))).toBe("[profile dev] # the dev account\nregion = a\n[profile \"qa\"]\nregion = q\noutput = json\n");
    expect(edit(FILE, "nothere", { aws_session_token: null })).toBe(FILE);
  });

  it("takes an indented line under a key with a value as a key of its own, as the SDK does", () => {
    // Only a key with an empty value opens sub-properties.
    expect(edit("[default]\nregion = us-east-1\n  output = json\n", "default", { region: "eu-west-1" })).toBe("[default]\nregion = eu-west-1\n  output = json\n");
    expect(edit("[p]\n  aws_access_key_id = OLD\n  aws_session_token = TOK\n", "p", { aws_access_key_id: "NEW", aws_session_token: null })).toBe("[p]\naws_access_key_id = NEW\n");
  });

  it("keeps a line whose value does not change, comment and spacing included", () => {
    expect(edit("[default]\nregion=us-east-1 # prod\n", "default", { region: "us-east-1" })).toBe("[default]\nregion=us-east-1 # prod\n");
  });

  it("edits the copy the SDK reads when a file has a section or key twice, and drops the other copies", () => {
    const twice = "[x]\naws_access_key_id = A\nregion = a\nregion = b\n[y]\nk = 1\n[x]\naws_secret_access_key = S\n";
    expect(edit(twice, "x", { region: "c" })).toBe("[x]\naws_access_key_id = A\n[y]\nk = 1\n[x]\naws_secret_access_key = S\nregion = c\n");
    expect(remove(twice, "x")).toBe("[y]\nk = 1\n");
  });

  it("keeps each line's own line ending", () => {
    expect(edit("[a]\r\nx = 1\n[b]\r\ny = 2", "b", { z: "3" })).toBe("[a]\r\nx = 1\n[b]\r\ny = 2\r\nz = 3");
  });

  it("removes a section with the comments inside it, but not the comment that introduces the next one", () => {
    expect(remove("[old]\naws_secret_access_key = S\n# aws_secret_access_key = OLDER\n\n# next\n[next]\nk = v\n", "old")).toBe("# next\n[next]\nk = v\n");
    const out = remove(FILE, "default");
    expect(out).toBe(["# my credentials, hand-kept", "", "# the build account", "[build]", "region=eu-west-1", "s3 =", "  max_concurrent_requests = 20", ""].join("\n"));
    expect(remove(FILE, "build")).toBe(FILE.split("\n").slice(0, 8).join("\n") + "\n");
  });
});

describe("the profile store", () => {
  let dir: string;
  const saved = { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "profiles-"));
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "aws", "credentials");
    process.env.AWS_CONFIG_FILE = join(dir, "aws", "config");
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [["AWS_SHARED_CREDENTIALS_FILE", saved.credentials], ["AWS_CONFIG_FILE", saved.config]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("creates the folder and a file readable by its owner only", async () => {
    await storeProfile({ name: "p", credentials: { accessKeyId: "AKID", secretAccessKey: "s" } });
    const file = process.env.AWS_SHARED_CREDENTIALS_FILE!;
    expect(readFileSync(file, "utf8")).toBe("[p]\naws_access_key_id = AKID\naws_secret_access_key = s\n");
    if (process.platform !== "win32") {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, "aws")).mode & 0o777).toBe(0o700);
    }
    expect(await describeProfile("p", null, true)).toMatchObject({ exists: true, kind: "keys", accessKeyId: "AKID", secretAccessKey: "s" });
  });

  it("replaces a profile's credential source but keeps its other keys, and keeps the file's mode", async () => {
    const file = process.env.AWS_SHARED_CREDENTIALS_FILE!;
    await storeProfile({ name: "x", credentials: { accessKeyId: "A", secretAccessKey: "B" } });
    writeFileSync(file, "[p]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = x\noutput = json\n\n[x]\naws_access_key_id = A\naws_secret_access_key = B\n");
    chmodSync(file, 0o640);
    await storeProfile({ name: "p", credentials: { accessKeyId: "AKIDNEW", secretAccessKey: "new", sessionToken: "tok" } });
    expect(readFileSync(file, "utf8")).toBe(
      "[p]\noutput = json\naws_access_key_id = AKIDNEW\naws_secret_access_key = new\naws_session_token = tok\n\n[x]\naws_access_key_id = A\naws_secret_access_key = B\n",
    );
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o640);
    // Stored again without a token: the old token must not linger.
    await storeProfile({ name: "p", credentials: { accessKeyId: "AKIDNEW", secretAccessKey: "new" } });
    expect(readFileSync(file, "utf8")).not.toContain("aws_session_token");
  });

  it("clears the config file's credential source when new keys are stored, and writes [profile default] when that is what the SDK reads", async () => {
    mkdirSync(join(dir, "aws"));
    writeFileSync(process.env.AWS_CONFIG_FILE!, "[profile p]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = s\nregion = eu-west-1\n\n[profile default]\nregion = us-east-1\n");
    await storeProfile({ name: "p", credentials: { accessKeyId: "AKIDP", secretAccessKey: "p" } });
    await storeProfile({ name: "default", region: "ap-south-1" });
    expect(readFileSync(process.env.AWS_CONFIG_FILE!, "utf8")).toBe("[profile p]\nregion = eu-west-1\n\n[profile default]\nregion = ap-south-1\n");
    expect(await describeProfile("p")).toMatchObject({ kind: "keys", region: "eu-west-1" });
    expect((await describeProfile("default")).region).toBe("ap-south-1");
  });

  it("copies another profile's credentials, and puts the region where the profile keeps one", async () => {
    await storeProfile({ name: "build", credentials: { accessKeyId: "AKIDBUILD", secretAccessKey: "b" } });
    writeFileSync(process.env.AWS_CONFIG_FILE!, "[default]\nregion = us-east-1\noutput = text\n");
    await storeProfile({ name: "default", copyFrom: "build", region: "eu-west-2" });
    expect(readFileSync(process.env.AWS_CONFIG_FILE!, "utf8")).toBe("[default]\nregion = eu-west-2\noutput = text\n");
    expect(readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, "utf8")).toContain("[default]\naws_access_key_id = AKIDBUILD\naws_secret_access_key = b\n");
    await expect(storeProfile({ name: "q", copyFrom: "missing" })).rejects.toThrow("There is no profile named 'missing'");
  });

  it("refuses names a reader could take for something else, and values that would write lines of their own", async () => {
    for (const name of ["ci #2", "a;b", "two  spaces", "__proto__", "a]b", ""]) {
      await expect(storeProfile({ name, credentials: { accessKeyId: "A", secretAccessKey: "s" } })).rejects.toThrow(/cannot be a profile name/);
    }
    expect((await describeProfile("constructor")).exists).toBe(false);
    await expect(storeProfile({ name: "p", credentials: { accessKeyId: "A", secretAccessKey: "s\n[evil]\nx = 1" } })).rejects.toThrow(/line break/);
    await expect(storeProfile({ name: "p]\n[q", credentials: { accessKeyId: "A", secretAccessKey: "s" } })).rejects.toThrow(/cannot be a profile name/);
    expect(existsSync(process.env.AWS_SHARED_CREDENTIALS_FILE!)).toBe(false);
  });

  it("lists the profiles of both files once each, as the AWS CLI does", async () => {
    await storeProfile({ name: "default", credentials: { accessKeyId: "A", secretAccessKey: "B" } });
    writeFileSync(process.env.AWS_CONFIG_FILE!, "[default]\nregion = us-east-1\n[profile sso-dev]\nsso_session = s\n[sso-session s]\nsso_region = us-east-1\n[services local]\ncognito_identity_provider =\n  endpoint_url = http://127.0.0.1:1\n");
    expect(listProfiles().map((p) => `${p.ProfileName}@${p.ProfileLocation.endsWith("config") ? "config" : "credentials"}`)).toEqual(["default@credentials", "sso-dev@config"]);
    expect((await describeProfile("sso-dev")).kind).toBe("other");
  });

  it("removes a profile from both files and nothing else", async () => {
    await storeProfile({ name: "a", credentials: { accessKeyId: "A", secretAccessKey: "B" } });
    await storeProfile({ name: "b", credentials: { accessKeyId: "C", secretAccessKey: "D" } });
    writeFileSync(process.env.AWS_CONFIG_FILE!, "[profile a]\nregion = us-east-1\n\n[profile b]\nregion = eu-west-1\n");
    expect((await removeProfile("a")).removedFrom).toHaveLength(2);
    expect(readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, "utf8")).toBe("[b]\naws_access_key_id = C\naws_secret_access_key = D\n");
    expect(readFileSync(process.env.AWS_CONFIG_FILE!, "utf8")).toBe("[profile b]\nregion = eu-west-1\n");
  });
});

describe("an atomic file update", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "atomic-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps a symbolic link a link, and leaves no temporary or lock file behind", async () => {
    if (process.platform === "win32") return;
    const target = join(dir, "real-credentials");
    writeFileSync(target, "[a]\nx = 1\n");
    symlinkSync(target, join(dir, "credentials"));
    await updateFile(join(dir, "credentials"), (text) => `${text}y = 2\n`);
    expect(lstatSync(join(dir, "credentials")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("[a]\nx = 1\ny = 2\n");
    expect(readdirSync(dir).sort()).toEqual(["credentials", "real-credentials"]);
  });

  it("writes through a link whose target does not exist yet, keeping the link", async () => {
    if (process.platform === "win32") return;
    symlinkSync(join(dir, "target-to-be"), join(dir, "credentials"));
    await updateFile(join(dir, "credentials"), () => "[a]\n");
    expect(lstatSync(join(dir, "credentials")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "target-to-be"), "utf8")).toBe("[a]\n");
  });

  it("lets concurrent writers take turns, so that no update is lost", async () => {
    const file = join(dir, "credentials");
    await Promise.all(Array.from({ length: 20 }, (_, i) => updateFile(file, (text) => `${text}[p${i}]\nk = ${i}\n`)));
    const text = readFileSync(file, "utf8");
    for (let i = 0; i < 20; i++) expect(text).toContain(`[p${i}]\nk = ${i}\n`);
  });

  it("says what is wrong with a file it cannot write, and never hangs on one", async () => {
    await expect(updateFile(dir, () => "x")).rejects.toThrow(`Could not write ${dir}: it is a folder, not a file.`);
    if (process.platform === "linux") {
      // Node's recursive mkdir loops for ever under /proc; the folders are made one at a time.
      await expect(updateFile("/proc/no-such-folder/credentials", () => "x")).rejects.toThrow("a folder on the way does not exist and cannot be created");
    }
  });

  it("takes over a lock its writer left behind long ago", async () => {
    const file = join(dir, "credentials");
    writeFileSync(`${file}.lock`, "");
    const old = new Date(Date.now() - 60_000);
    const { utimesSync } = await import("node:fs");
    utimesSync(`${file}.lock`, old, old);
    await updateFile(file, () => "[a]\n");
    expect(readFileSync(file, "utf8")).toBe("[a]\n");
  });
});
