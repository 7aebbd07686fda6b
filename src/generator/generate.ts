// Turns the specs into the files under generated/. Pure: the same specs always give
// the same bytes, so `generate:check` can compare them with what is committed.
import { readdirSync, readFileSync, mkdirSync, writeFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { ServiceModel } from "../sdk-schema/model.js";
import type { LoadedSpecs } from "../spec/types.js";
import { emitDotnetModel } from "./dotnet-model.js";
import { emitFormats } from "./formats.js";
import { emitHelp, helpFileName } from "./help.js";
import { emitModuleData, moduleDataFileName } from "./module-data.js";
import { emitManifest, formatFileName } from "./powershell.js";
import { emitScriptModule, scriptModuleFileName } from "./script-module.js";
import { emitHandler, emitIndex, handlerFileName } from "./typescript.js";

/** Relative path (with /) -> content. */
export type GeneratedFiles = Map<string, string>;

/** `model`: the service's model types, read from the SDK package (readSpecsModel). */
export function generate(specs: LoadedSpecs, model: ServiceModel): GeneratedFiles {
  const files: GeneratedFiles = new Map();
  const name = specs.service.module.name;
  for (const cmdlet of specs.cmdlets) files.set(`handlers/${handlerFileName(cmdlet)}`, emitHandler(specs, cmdlet));
  files.set("handlers/index.ts", emitIndex(specs));
  files.set(`powershell/${name}.psd1`, emitManifest(specs));
  files.set(`powershell/${scriptModuleFileName(specs)}`, emitScriptModule(specs, model));
  files.set(`powershell/${moduleDataFileName(specs)}`, emitModuleData(specs));
  files.set(`powershell/${formatFileName(specs)}`, emitFormats(specs));
  files.set(`powershell/${helpFileName(specs)}`, emitHelp(specs, model));
  for (const [path, content] of emitDotnetModel(model, dotnetNames(specs))) files.set(path, content);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The service's .NET namespace is the output types' namespace without its ".Model". */
export function dotnetNames(specs: LoadedSpecs): { serviceNamespace: string; service: string } {
  return { serviceNamespace: specs.service.typeNamespace.replace(/\.Model$/, ""), service: specs.service.service };
}

export function writeGenerated(outDir: string, files: GeneratedFiles): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** What differs between outDir and `files`: changed, missing and extra paths. */
export function compareGenerated(outDir: string, files: GeneratedFiles): string[] {
  const problems: string[] = [];
  const existing = new Set(listFiles(outDir).map((f) => relative(outDir, f).split("\\").join("/")));
  for (const [path, content] of files) {
    if (!existing.has(path)) problems.push(`missing: ${path}`);
    else if (readFileSync(join(outDir, path), "utf8") !== content) problems.push(`changed: ${path}`);
    existing.delete(path);
  }
  for (const extra of existing) problems.push(`not generated from the specs: ${extra}`);
  return problems;
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
