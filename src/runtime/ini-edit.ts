// Edits the AWS shared credentials and config files as text, line by line, so that a
// write changes only the keys it sets: other sections, comments, blank lines, unknown
// keys, nested sub-properties and the file's line endings stay exactly as they were.
// (Reading goes through the SDK's own parser; this module only edits.)

/** A section header such as "[default]", "[profile dev]" or "[services local]". */
const HEADER = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
/** A top-level "key = value" line (sub-properties are indented under their key). */
const KEY = /^([A-Za-z0-9_.\-:]+)\s*=/;
const COMMENT = /^\s*[#;]/;

export interface IniText {
  lines: string[];
  eol: string;
  /** Whether the text ended with a line break. */
  finalEol: boolean;
}

export function splitIni(text: string): IniText {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const finalEol = text.length === 0 || text.endsWith("\n");
  const lines = text.length === 0 ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  return { lines, eol, finalEol };
}

export function joinIni(ini: IniText): string {
  if (ini.lines.length === 0) return "";
  return ini.lines.join(ini.eol) + (ini.finalEol ? ini.eol : "");
}

/** The section name a header line declares, trimmed, or undefined for other lines. */
export function headerName(line: string): string | undefined {
  const m = HEADER.exec(line);
  return m ? m[1]!.trim().replace(/\s+/g, " ") : undefined;
}

/** [start, end): the header line of the first section with this name, and the line after its last. */
function sectionRange(lines: string[], section: string): [number, number] | undefined {
  const start = lines.findIndex((l) => headerName(l) === section);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && headerName(lines[end]!) === undefined) end++;
  return [start, end];
}

/** Whether the line is indented (a sub-property or a continuation of the key above). */
function isIndented(line: string): boolean {
  return /^\s+\S/.test(line);
}

/** The line range of key `key` in [from, to): its own line and the indented lines under it. */
function keyRange(lines: string[], from: number, to: number, key: string): [number, number] | undefined {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (isIndented(line) || COMMENT.test(line)) continue;
    const m = KEY.exec(line.trim());
    if (m && m[1] === key) {
      let end = i + 1;
      while (end < to && isIndented(lines[end]!) && !COMMENT.test(lines[end]!)) end++;
      return [i, end];
    }
  }
  return undefined;
}

export function hasSection(ini: IniText, section: string): boolean {
  return sectionRange(ini.lines, section) !== undefined;
}

/** The top-level keys of a section, in file order. */
export function sectionKeys(ini: IniText, section: string): string[] {
  const range = sectionRange(ini.lines, section);
  if (!range) return [];
  const keys: string[] = [];
  for (let i = range[0] + 1; i < range[1]; i++) {
    const line = ini.lines[i]!;
    if (isIndented(line) || COMMENT.test(line)) continue;
    const m = KEY.exec(line.trim());
    if (m) keys.push(m[1]!);
  }
  return keys;
}

/**
 * Sets (a string) or removes (null) top-level keys of a section, creating the section at
 * the end of the file when it is missing and something is set. A key that is set keeps its
 * place; a new key goes after the section's last key, before any blank lines or comments
 * that lead into the next section.
 */
export function editSection(ini: IniText, section: string, values: Record<string, string | null>): IniText {
  const lines = [...ini.lines];
  let range = sectionRange(lines, section);
  const toSet = Object.entries(values).filter((e): e is [string, string] => e[1] !== null);
  if (!range) {
    if (toSet.length === 0) return ini;
    // A blank line between sections, as the AWS CLI writes them.
    if (lines.length > 0 && lines[lines.length - 1]!.trim() !== "") lines.push("");
    lines.push(`[${section}]`, ...toSet.map(([k, v]) => `${k} = ${v}`));
    return { ...ini, lines, finalEol: true };
  }
  for (const [key, value] of Object.entries(values)) {
    range = sectionRange(lines, section)!;
    const found = keyRange(lines, range[0] + 1, range[1], key);
    if (found) {
      if (value === null) lines.splice(found[0], found[1] - found[0]);
      else lines.splice(found[0], found[1] - found[0], `${key} = ${value}`);
    } else if (value !== null) {
      // After the last line that belongs to the section's keys.
      let at = range[1];
      while (at > range[0] + 1 && (lines[at - 1]!.trim() === "" || COMMENT.test(lines[at - 1]!))) at--;
      lines.splice(at, 0, `${key} = ${value}`);
    }
  }
  return { ...ini, lines };
}

/**
 * Removes a section: its header and every line up to the next header, except the blank
 * and comment lines just before that header, which separate and introduce the next section.
 * (Comments are never removed but with the section's own keys between them.)
 */
export function removeSection(ini: IniText, section: string): IniText {
  const range = sectionRange(ini.lines, section);
  if (!range) return ini;
  let [start, end] = range;
  if (end < ini.lines.length) {
    while (end > start + 1 && (COMMENT.test(ini.lines[end - 1]!) || ini.lines[end - 1]!.trim() === "")) end--;
  }
  // At the top of the file, the blank lines that separated it from the next section go too.
  if (start === 0) while (end < ini.lines.length && ini.lines[end]!.trim() === "") end++;
  // A blank line before the removed section goes with it when a blank line (or nothing) follows.
  if (start > 0 && ini.lines[start - 1]!.trim() === "" && (end >= ini.lines.length || ini.lines[end]!.trim() === "")) start--;
  const lines = [...ini.lines.slice(0, start), ...ini.lines.slice(end)];
  return { ...ini, lines };
}
