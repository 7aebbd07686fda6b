// The regions the installed AWS SDK knows, with their descriptions, for the -Region
// completer and Get-DefaultAWSRegion. The SDK keeps them in its endpoint partition
// table, which it does not export as data, so the table is read from its source.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const REGION_NAME = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

export function knownRegions(): Map<string, string> {
  const file = require.resolve("@aws-sdk/core/client");
  const source = readFileSync(file, "utf8");
  const start = source.indexOf("const partitionsInfo = {");
  if (start < 0) throw new Error(`no partition table found in ${file}: the SDK's layout changed; update src/generator/regions.ts`);
  const open = source.indexOf("{", start);
  let depth = 0;
  let end = open;
  for (; end < source.length; end++) {
    if (source[end] === "{") depth++;
    else if (source[end] === "}" && --depth === 0) break;
  }
  const table = JSON.parse(source.slice(open, end + 1)) as { partitions: { regions: Record<string, { description?: string }> }[] };
  const regions = new Map<string, string>();
  for (const partition of table.partitions) {
    for (const [name, info] of Object.entries(partition.regions)) {
      if (REGION_NAME.test(name)) regions.set(name, info.description ?? name);
    }
  }
  return new Map([...regions.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
