// Facts the SDK keeps in code rather than in its schemas: which operations are sent
// without SigV4 credentials, and how paginated operations page.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Paginator {
  /** The request member that carries the token of the page to fetch. */
  inputToken: string;
  /** The response member that carries the next page's token. */
  outputToken: string;
  /** The request member that limits a page's size, if the operation has one. */
  pageSize?: string;
}

/** Operations whose auth scheme is smithy.api#noAuth (the user's tokens authorise them). */
export function readAnonymousOperations(packageDir: string): Set<string> {
  const source = readFileSync(join(packageDir, "dist-es", "auth", "httpAuthSchemeProvider.js"), "utf8");
  const out = new Set<string>();
  for (const m of source.matchAll(/case "(\w+)":\s*\{\s*options\.push\(createSmithyApiNoAuthHttpAuthOption/g)) out.add(m[1]!);
  return out;
}

export function readPaginators(packageDir: string): Map<string, Paginator> {
  const dir = join(packageDir, "dist-es", "pagination");
  const out = new Map<string, Paginator>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith("Paginator.js"))) {
    const m = /createPaginator\(\s*\w+,\s*(\w+)Command,\s*"(\w+)",\s*"(\w+)"(?:,\s*"(\w+)")?\s*\)/.exec(
      readFileSync(join(dir, file), "utf8"),
    );
    if (m) out.set(m[1]!, { inputToken: m[2]!, outputToken: m[3]!, ...(m[4] ? { pageSize: m[4] } : {}) });
  }
  return out;
}
