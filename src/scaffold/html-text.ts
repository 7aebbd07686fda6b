// The SDK documents its shapes in a small HTML dialect (<p>, <code>, <ul><li>, <a>,
// <note>...). Help text is plain: paragraphs separated by a blank line, list items
// starting with "- ", links written as "text (url)".

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

export function htmlToText(html: string): string {
  let text = html
    .replace(/\r/g, "")
    .replace(/<a\s+[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => {
      const inner = label.replace(/<[^>]+>/g, "").trim();
      return inner && inner !== href ? `${inner} (${href})` : href;
    })
    .replace(/<li[^>]*>/gi, "\n\n- ")
    .replace(/<\/?(p|ul|ol|note|important|dl|dt|dd|div|h\d|br)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith("#x") || e.startsWith("#X")) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  text = text
    .split(/\n\s*\n/)
    .map((para) => para.replace(/\s+/g, " ").trim())
    .filter((para) => para && para !== "-")
    .join("\n\n");
  return text;
}

/** The first sentence of a text (for a synopsis), at most about 200 characters. */
export function firstSentence(text: string): string {
  const para = text.split("\n\n")[0] ?? "";
  const match = /^(.{20,}?[.!?])(\s|$)/.exec(para);
  const sentence = match ? match[1]! : para;
  return sentence.length > 240 ? `${sentence.slice(0, 237).replace(/\s+\S*$/, "")}...` : sentence;
}
