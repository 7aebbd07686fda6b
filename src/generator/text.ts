// Small helpers for emitting source text that reads as if written by hand.

/** A PowerShell single-quoted string literal. */
export function psString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;
}

/** Text for XML content or attribute values (MAML help, format views, C# doc comments). */
export function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A TypeScript string literal. */
export function tsString(value: string): string {
  return JSON.stringify(value);
}

/** Wraps prose at `width` columns, each line prefixed with `indent`. */
export function wrap(text: string, indent: string, width = 92): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(indent + line);
    lines.push("");
  }
  lines.pop();
  return lines;
}

/** Comment-based help must not contain the sequence that closes the comment block. */
export function helpText(text: string): string {
  return text.replace(/#>/g, "# >");
}
