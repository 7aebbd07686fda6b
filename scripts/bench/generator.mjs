// Times load + generate of a specs folder in process; run with `node --import tsx`.
// Usage: node --import tsx generator.mjs <specDir> <runs>   Prints {"times":[ms...]}.
import { generate } from "../../src/generator/generate.ts";
import { loadSpecs } from "../../src/spec/loader.ts";

const [dir, runs] = process.argv.slice(2);
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  generate(loadSpecs(dir, { displayRoot: dir }));
  times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
