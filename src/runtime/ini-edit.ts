// Edits the AWS shared credentials and config files as text, line by line, so that a
// write changes only the keys it sets: other sections, comments, blank lines, unknown
// keys, sub-properties, each line's own line ending and every byte it does not touch stay
// as they were. What counts as a section, a key or a sub-property is decided exactly as the
// SDK's reader (parseIni in @smithy/core/config) decides it, so that the editor and every
// reader agree on what a line means.

/** The SDK's rule for "[prefix name]" sections: only these prefixes make one. */
const PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const PREFIXES = new Set(["profile", "sso-session", "services"]);

export interface IniText {
  lines: string[];
  /** Each line's own line ending ("" for a last line without one). */
  endings: string[];
  /** The line ending new lines get: the file's most common one. */
  eol: string;
}

export function splitIni(text: string): IniText {
  const lines: string[] = [];
  const endings: string[] = [];
  const pattern = /\r?\n/g;
  let at = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    lines.push(text.slice(at, m.index));
    endings.push(m[0]);
    at = m.index + m[0].length;
  }
  if (at < text.length) {
    lines.push(text.slice(at));
    endings.push("");
  }
  const crlf = endings.filter((e) => e === "\r\n").length;
  const lf = endings.filter((e) => e === "\n").length;
  return { lines, endings, eol: crlf > lf ? "\r\n" : "\n" };
}

export function joinIni(ini: IniText): string {
  return ini.lines.map((line, i) => line + ini.endings[i]).join("");
}

/** A line without its comment, as the SDK reads it: "#" or ";" at the start or after a space. */
function content(line: string): string {
  return line.split(/(^|\s)[;#]/)[0]!.trim();
}

/**
 * The key the SDK files a header's section under: "default", "profile.dev", "services.local",
 * or a credentials file's plain name; null for a header the SDK ignores; undefined for a line
 * that is not a header.
 */
export function sectionKeyOf(line: string): string | null | undefined {
  const text = content(line);
  if (!(text.startsWith("[") && text.endsWith("]"))) return undefined;
  const name = text.slice(1, -1);
  const m = PREFIXED.exec(name);
  if (!m) return name;
  return PREFIXES.has(m[1]!) ? `${m[1]}.${m[3]}` : null;
}

/** A key line of a section, as the SDK reads it. */
interface KeyLine {
  index: number;
  name: string;
  value: string;
  /** A sub-property (an indented line under a key whose value is empty). */
  sub: boolean;
  /** For a key that opens sub-properties (value ""): the line after its last sub-property. */
  end: number;
}

/** The [start, end) line ranges of every section filed under `key`, in file order. */
function sectionRanges(lines: string[], key: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (sectionKeyOf(lines[i]!) !== key) continue;
    let end = i + 1;
    while (end < lines.length && sectionKeyOf(lines[end]!) === undefined) end++;
    out.push([i, end]);
  }
  return out;
}

function keyLines(lines: string[], [start, end]: [number, number]): KeyLine[] {
  const out: KeyLine[] = [];
  let opener: KeyLine | undefined;
  for (let i = start + 1; i < end; i++) {
    const text = content(lines[i]!);
    const eq = text.indexOf("=");
    if (eq <= 0) continue;
    const name = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    if (value === "") {
      opener = { index: i, name, value, sub: false, end: i + 1 };
      out.push(opener);
      continue;
    }
    if (opener && lines[i]!.trimStart() === lines[i]) opener = undefined;
    out.push({ index: i, name, value, sub: opener !== undefined, end: i + 1 });
    if (opener) opener.end = i + 1;
  }
  return out;
}

export function hasSection(ini: IniText, key: string): boolean {
  return sectionRanges(ini.lines, key).length > 0;
}

/** The top-level keys of every section filed under `key`. */
export function sectionKeys(ini: IniText, key: string): string[] {
  return sectionRanges(ini.lines, key).flatMap((range) => keyLines(ini.lines, range).filter((k) => !k.sub).map((k) => k.name));
}

function removeLines(ini: IniText, from: number, to: number): void {
  ini.lines.splice(from, to - from);
  ini.endings.splice(from, to - from);
}

function insertLines(ini: IniText, at: number, lines: string[]): void {
  const endings = lines.map(() => ini.eol);
  // After a last line without an ending: it gets one, and the new last line goes without.
  if (at > 0 && at === ini.lines.length && ini.endings[at - 1] === "") {
    ini.endings[at - 1] = ini.eol;
    endings[endings.length - 1] = "";
  }
  ini.lines.splice(at, 0, ...lines);
  ini.endings.splice(at, 0, ...endings);
}

/**
 * Sets (a string) or removes (null) top-level keys of the section filed under `key`, written
 * as `header` when it has to be created. A key set to the value it has keeps its line as it
 * is (comment included); a changed key keeps its place; a new key goes after the section's
 * last key. Where the file has the section or the key more than once, the copies the SDK
 * would let win are edited and the others removed, so that what is written is what is read.
 */
export function editSection(text: IniText, key: string, header: string, values: Record<string, string | null>): IniText {
  const ini: IniText = { lines: [...text.lines], endings: [...text.endings], eol: text.eol };
  const toSet = Object.entries(values).filter((e): e is [string, string] => e[1] !== null);
  if (sectionRanges(ini.lines, key).length === 0) {
    if (toSet.length === 0) return text;
    const block = [`[${header}]`, ...toSet.map(([k, v]) => `${k} = ${v}`)];
    // A blank line between sections, as the AWS CLI writes them.
    if (ini.lines.length > 0 && ini.lines[ini.lines.length - 1]!.trim() !== "") block.unshift("");
    insertLines(ini, ini.lines.length, block);
    return ini;
  }
  for (const [name, value] of Object.entries(values)) {
    const copies = () => sectionRanges(ini.lines, key).flatMap((range) => keyLines(ini.lines, range).filter((k) => !k.sub && k.name === name));
    const last = sectionRanges(ini.lines, key).pop()!;
    // The copy the SDK reads is the last one of the last section: keep it (when setting), drop the rest.
    const all = copies();
    const keep = value === null ? undefined : all.filter((k) => k.index > last[0]).pop();
    for (const copy of [...all].reverse()) {
      if (copy !== keep) removeLines(ini, copy.index, copy.end);
    }
    if (value === null) continue;
    const kept = keep ? copies().pop() : undefined;
    if (kept) {
      if (kept.value !== value) {
        removeLines(ini, kept.index, kept.end);
        insertLines(ini, kept.index, [`${name} = ${value}`]);
      }
      continue;
    }
    // After the line of the section's last key (or its header).
    const range = sectionRanges(ini.lines, key).pop()!;
    const keys = keyLines(ini.lines, range);
    insertLines(ini, keys.length > 0 ? Math.max(...keys.map((k) => k.end)) : range[0] + 1, [`${name} = ${value}`]);
  }
  return ini;
}

/**
 * Removes every section filed under `key`: its header and its lines up to the next header,
 * except a comment block that leads straight into that header (no blank line between),
 * which introduces the next section.
 */
export function removeSection(text: IniText, key: string): IniText {
  const ini: IniText = { lines: [...text.lines], endings: [...text.endings], eol: text.eol };
  for (let ranges = sectionRanges(ini.lines, key); ranges.length > 0; ranges = sectionRanges(ini.lines, key)) {
    let [start, end] = ranges[ranges.length - 1]!;
    if (end < ini.lines.length) {
      // Keep the comment block attached to the next header, and the blank lines before it.
      while (end > start + 1 && /^\s*[#;]/.test(ini.lines[end - 1]!)) end--;
      while (end > start + 1 && ini.lines[end - 1]!.trim() === "") end--;
    }
    if (start === 0) {
      while (end < ini.lines.length && ini.lines[end]!.trim() === "") end++;
    } else if (end >= ini.lines.length || ini.lines[end]!.trim() === "") {
      // No blank line left twice, nor at the end.
      while (start > 0 && ini.lines[start - 1]!.trim() === "") start--;
    }
    removeLines(ini, start, end);
  }
  if (ini.lines.length > 0 && text.endings[text.endings.length - 1] !== "" && ini.endings[ini.endings.length - 1] === "") {
    ini.endings[ini.endings.length - 1] = ini.eol;
  }
  return ini;
}
