// Times load + generate of a specs folder in process; run with `node --import tsx`.
// Usage: node --import tsx generator.mjs <specDir> <runs>   Prints {"times":[ms...]}.
// The SDK's model (of the real specs' operations: synthetic specs name operations the SDK
// does not have) is read once, outside the timing: generate() is given it.
import { join } from "node:path";
import { generate } from "../../src/generator/generate.ts";
import { readSpecsModel } from "../../src/sdk-schema/model.ts";
import { loadSpecs } from "../../src/spec/loader.ts";

const [dir, runs] = process.argv.slice(2);
const realSpecs = join(import.meta.dirname, "..", "..", "specs");
const model = await readSpecsModel(loadSpecs(realSpecs, { displayRoot: realSpecs }));
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  generate(loadSpecs(dir, { displayRoot: dir }), model);
  times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
