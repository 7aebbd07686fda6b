// The package's metadata has one source, specs/service.yaml (the generator writes it into
// the manifest, which Compress-PSResource turns into the .nuspec); package.json says the same.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = resolve(import.meta.dirname, "..", "..");
const service = parse(readFileSync(join(root, "specs", "service.yaml"), "utf8")) as {
  module: { version: string; projectUri: string; licenseUri: string; releaseNotes: string };
};
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  version: string;
  license: string;
  homepage: string;
  repository: { url: string };
};

describe("package metadata", () => {
  it("has the same version in specs/service.yaml and package.json", () => {
    expect(service.module.version).toBe(packageJson.version);
  });

  it("links the project and its repository from both", () => {
    expect(packageJson.homepage).toBe(service.module.projectUri);
    expect(packageJson.repository.url).toBe(`${service.module.projectUri}.git`);
  });

  it("points the licence link at the LICENSE file, whose text is package.json's licence", () => {
    expect(service.module.licenseUri).toBe(`${service.module.projectUri}/blob/main/LICENSE`);
    expect(packageJson.license).toBe("Apache-2.0");
    const licence = readFileSync(join(root, "LICENSE"), "utf8");
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });

  it("has release notes for this version, and a CHANGELOG entry for it", () => {
    expect(service.module.releaseNotes.length).toBeGreaterThan(20);
    const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${packageJson.version}`);
  });
});
