// `npm run scaffold` writes a cmdlet spec per SDK operation into specs/cmdlets/, from the
// SDK's schemas and docs, specs/scaffold/aws-tools-names.tsv and specs/overlays/.
// `npm run scaffold -- --check` exits 1 when a scaffolded spec is not what it would write.
//
// A spec file the scaffold wrote starts with SCAFFOLD_HEADER. Files without it belong to
// people (the seed cmdlet's spec is one): the scaffold never touches them, nor writes
// another spec for their operation. Deleting the header takes a file over by hand.
import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Document, isScalar, parse, visit } from "yaml";

import { listOperations } from "../sdk-schema/schema.js";
import { buildSpec, inferPaginator } from "./build-spec.js";
import { readNamingTable, readParameterTable, ruleName } from "./names.js";
import { applyOverlay, OverlayError } from "./overlay.js";
import { readAnonymousOperations, readPaginators } from "./sdk-facts.js";
import { readSdkDocs } from "./sdk-docs.js";

export const SCAFFOLD_HEADER = "# Scaffolded by `npm run scaffold`";

const root = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : undefined;
};
const specDir = option("--specs") ?? resolve(root, "specs");
const cmdletDir = join(specDir, "cmdlets");

const service = parse(readFileSync(join(specDir, "service.yaml"), "utf8")) as { nounPrefix: string; sdk: { package: string } };
const require = createRequire(join(root, "package.json"));
const packageDir = dirname(require.resolve(`${service.sdk.package}/package.json`));
const sdk = require(service.sdk.package) as Record<string, unknown>;

const context = {
  docs: readSdkDocs(packageDir),
  anonymous: readAnonymousOperations(packageDir),
  paginators: readPaginators(packageDir),
  parameterRules: readParameterTable(join(specDir, "scaffold", "aws-tools-parameters.tsv")),
};
const naming = readNamingTable(join(specDir, "scaffold", "aws-tools-names.tsv"));

// Who owns which file: scaffolded files may be rewritten; the rest are left alone.
const existing = new Map<string, { text: string; scaffolded: boolean; operation?: string }>();
for (const file of readdirSync(cmdletDir).filter((f) => f.endsWith(".yaml"))) {
  const text = readFileSync(join(cmdletDir, file), "utf8");
  const operation = /^operation:\s*(\w+)/m.exec(text)?.[1];
  existing.set(file, { text, scaffolded: text.startsWith(SCAFFOLD_HEADER), ...(operation ? { operation } : {}) });
}
const handOwned = new Set([...existing.values()].filter((e) => !e.scaffolded && e.operation).map((e) => e.operation!));

const SPEC_KEY_ORDER = ["verb", "noun", "operation", "auth", "credentialParameters", "synopsis", "description", "parameters", "select", "pagination", "shouldProcess", "output", "examples"];
const PARAMETER_KEY_ORDER = ["name", "member", "type", "shape", "mandatory", "pipeline", "position", "aliases", "sensitive", "completions", "help"];

function ordered(value: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

/** YAML in a stable, readable layout: keys in spec order, short lists of names on one line. */
function toYaml(spec: object): string {
  const body = ordered(spec as Record<string, unknown>, SPEC_KEY_ORDER);
  body.parameters = (body.parameters as Record<string, unknown>[]).map((p) => ordered(p, PARAMETER_KEY_ORDER));
  const doc = new Document(body);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 110, minContentWidth: 40 });
}

const written = new Map<string, string>();
const problems: string[] = [];
try {
  for (const op of [...listOperations(sdk).values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (handOwned.has(op.name)) {
      if (existsSync(join(specDir, "overlays", `${op.name}.yaml`))) {
        problems.push(`specs/overlays/${op.name}.yaml: ${op.name}'s spec is written by hand, so no overlay applies to it; edit the spec itself`);
      }
      continue;
    }
    const paginator = naming.get(op.name)?.paging?.auto === false ? undefined : (context.paginators.get(op.name) ?? inferPaginator(op));
    const firstRequiredString = op.input.members.find((m) => m.required && m.type.kind === "string")?.name;
    const names =
      naming.get(op.name) ??
      ruleName(op.name, op.output.members.map((m) => m.name), firstRequiredString, paginator?.outputToken);
    const noun = names.noun.startsWith(service.nounPrefix) ? names.noun.slice(service.nounPrefix.length) : names.noun;
    const overlayFile = join(specDir, "overlays", `${op.name}.yaml`);
    const overlay = existsSync(overlayFile) ? parse(readFileSync(overlayFile, "utf8")) : undefined;
    const spec = applyOverlay(buildSpec(op, { ...names, noun }, context), overlay, `specs/overlays/${op.name}.yaml`);
    const file = `${spec.verb}-${service.nounPrefix}${spec.noun}.yaml`;
    const header = [
      `${SCAFFOLD_HEADER} from the SDK's ${op.name} schema${overlay ? ` and specs/overlays/${op.name}.yaml` : ""}.`,
      `# Change specs/overlays/${op.name}.yaml rather than this file: re-scaffolding rewrites it.`,
      `# Naming: ${names.source === "aws-tools" ? "AWS Tools for PowerShell's" : "the rule for operations AWS Tools has no cmdlet for"}.`,
    ];
    const text = `${header.join("\n")}\n${toYaml(spec)}`;
    if (existing.has(file) && !existing.get(file)!.scaffolded) {
      problems.push(`specs/cmdlets/${file}: written by hand but named like ${op.name}'s cmdlet; rename one of them`);
      continue;
    }
    written.set(file, text);
  }
} catch (error) {
  if (error instanceof OverlayError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const stale = [...existing].filter(([file, e]) => e.scaffolded && !written.has(file)).map(([file]) => file);
const changed = [...written].filter(([file, text]) => existing.get(file)?.text !== text).map(([file]) => file);
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
if (check) {
  if (changed.length || stale.length) {
    console.error("specs/cmdlets is not what the SDK and the overlays give; run `npm run scaffold`:");
    for (const f of changed) console.error(`  would write specs/cmdlets/${f}`);
    for (const f of stale) console.error(`  would delete specs/cmdlets/${f}`);
    process.exit(1);
  }
  console.log(`specs/cmdlets is up to date (${written.size} scaffolded, ${handOwned.size} by hand).`);
} else {
  for (const file of changed) writeFileSync(join(cmdletDir, file), written.get(file)!);
  for (const file of stale) rmSync(join(cmdletDir, file));
  console.log(
    `Scaffolded ${written.size} specs (${changed.length} written, ${stale.length} deleted); ` +
      `left ${handOwned.size} hand-written spec(s) alone.`,
  );
}
