// `npm run generate` writes generated/ from specs/; `npm run generate:check` exits 1
// when generated/ is not exactly what the specs give.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatIssue, SpecValidationError } from "../spec/errors.js";
import { loadSpecs } from "../spec/loader.js";
import { readSpecsModel } from "../sdk-schema/model.js";
import { checkSdkOperations, checkTableViews } from "./sdk-check.js";
import { compareGenerated, generate, writeGenerated } from "./generate.js";

const root = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const check = args.includes("--check");
// --specs and --out point elsewhere (used by the tests on copies of the specs).
const option = (name: string) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? args[i + 1] : undefined;
  return value ? resolve(value) : undefined;
};
const specDir = option("--specs") ?? resolve(root, "specs");
const outDir = option("--out") ?? resolve(root, "generated");

try {
  const specs = loadSpecs(specDir, { displayRoot: resolve(specDir, "..") });
  const sdkProblems = await checkSdkOperations(specs);
  if (sdkProblems.length) {
    for (const p of sdkProblems) console.error(formatIssue(p));
    process.exit(1);
  }
  const model = await readSpecsModel(specs);
  const viewProblems = checkTableViews(specs, model, readFileSync(resolve(specDir, "service.yaml"), "utf8"));
  if (viewProblems.length) {
    for (const p of viewProblems) console.error(formatIssue(p));
    process.exit(1);
  }
  const files = generate(specs, model);
  if (check) {
    const problems = compareGenerated(outDir, files);
    if (problems.length) {
      console.error("generated/ is stale; run `npm run generate`:");
      for (const p of problems) console.error(`  ${p}`);
      process.exit(1);
    }
    console.log(`generated/ is up to date (${files.size} files from ${specs.cmdlets.length} cmdlet spec(s)).`);
  } else {
    writeGenerated(outDir, files);
    console.log(`Wrote ${files.size} files to generated/ from ${specs.cmdlets.length} cmdlet spec(s).`);
  }
} catch (error) {
  if (error instanceof SpecValidationError) {
    for (const issue of error.issues) console.error(formatIssue(issue));
    process.exit(1);
  }
  throw error;
}
