// Times load + generate of a specs folder in process; run with `node --import tsx`.
// Usage: node --import tsx generator.mjs <specDir> <runs>   Prints {"times":[ms...]}.
// The SDK's model is read once, outside the timing: generate() is given it.
import { generate } from "../../src/generator/generate.ts";
import { readSpecsModel } from "../../src/sdk-schema/model.ts";
import { loadSpecs } from "../../src/spec/loader.ts";

const [dir, runs] = process.argv.slice(2);
const model = await readSpecsModel(loadSpecs(dir, { displayRoot: dir }));
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  generate(loadSpecs(dir, { displayRoot: dir }), model);
  times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
