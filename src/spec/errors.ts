// A spec problem, located in its file so an editor can jump to it.
export interface SpecIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatIssue(issue: SpecIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

export class SpecValidationError extends Error {
  readonly issues: SpecIssue[];
  constructor(issues: SpecIssue[]) {
    super(`${issues.length} spec error(s):\n${issues.map(formatIssue).join("\n")}`);
    this.name = "SpecValidationError";
    this.issues = issues;
  }
}
