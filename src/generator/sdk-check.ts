// Confirms every spec names an operation the installed SDK package really has, so a
// typo fails at generation rather than when a user calls the cmdlet.
import type { ServiceModel } from "../sdk-schema/model.js";
import type { SpecIssue } from "../spec/errors.js";
import { parseYamlSource } from "../spec/yaml-source.js";
import type { LoadedSpecs } from "../spec/types.js";

export async function checkSdkOperations(specs: LoadedSpecs): Promise<SpecIssue[]> {
  const sdk = (await import(specs.service.sdk.package)) as Record<string, unknown>;
  const issues: SpecIssue[] = [];
  if (typeof sdk[specs.service.sdk.client] !== "function") {
    issues.push({ file: specs.serviceFile, line: 1, column: 1, message: `${specs.service.sdk.package} has no client named ${specs.service.sdk.client}` });
  }
  for (const cmdlet of specs.cmdlets) {
    if (typeof sdk[`${cmdlet.spec.operation}Command`] !== "function") {
      issues.push({ file: cmdlet.file, line: 1, column: 1, message: `operation: ${specs.service.sdk.package} has no operation named ${cmdlet.spec.operation}` });
    }
  }
  return issues;
}

/**
 * Confirms every table view the service spec chooses names a model type and members of it.
 * `serviceText` is service.yaml's text, for the line and column of each problem.
 */
export function checkTableViews(specs: LoadedSpecs, model: ServiceModel, serviceText: string): SpecIssue[] {
  const { source } = parseYamlSource(specs.serviceFile, serviceText);
  const issue = (path: (string | number)[], message: string): SpecIssue =>
    source?.issue(path, message, { key: path.length === 2 }) ?? { file: specs.serviceFile, line: 1, column: 1, message };
  const issues: SpecIssue[] = [];
  for (const [type, columns] of Object.entries(specs.service.tableViews ?? {})) {
    const structure = model.structures.find((s) => s.name === type);
    if (!structure) {
      issues.push(issue(["tableViews", type], `tableViews.${type}: the service's model has no structure named ${type}`));
      continue;
    }
    const members = new Set(structure.members.map((m) => m.name));
    columns.forEach((column, i) => {
      if (!members.has(column)) {
        issues.push(issue(["tableViews", type, i], `tableViews.${type}: ${type} has no member named ${column} (it has ${[...members].join(", ")})`));
      }
    });
  }
  return issues;
}
