// Confirms every spec names an operation the installed SDK package really has, so a
// typo fails at generation rather than when a user calls the cmdlet.
import type { SpecIssue } from "../spec/errors.js";
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
