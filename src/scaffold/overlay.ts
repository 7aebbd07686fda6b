// Hand edits to scaffolded specs live in overlays (specs/overlays/<Operation>.yaml), so
// that re-scaffolding after an SDK update keeps them. An overlay holds any cmdlet spec
// keys; they replace the scaffolded values, except `parameters`, which is a map from
// parameter name to the fields to change on that parameter (`remove: true` drops it).
import type { CmdletSpec, ParameterSpec } from "../spec/types.js";

const CMDLET_KEYS = new Set([
  "verb", "noun", "auth", "credentialParameters", "synopsis", "description", "parameters", "select", "output", "pagination", "shouldProcess", "examples",
]);
const PARAMETER_KEYS = new Set([
  "name", "member", "type", "shape", "mandatory", "pipeline", "position", "aliases", "sensitive", "completions", "help", "remove",
]);

export class OverlayError extends Error {}

export function applyOverlay(spec: CmdletSpec, overlay: unknown, file: string): CmdletSpec {
  if (overlay === null || overlay === undefined) return spec;
  if (typeof overlay !== "object" || Array.isArray(overlay)) throw new OverlayError(`${file}: an overlay is a mapping of spec keys`);
  const out: CmdletSpec = structuredClone(spec);
  for (const [key, value] of Object.entries(overlay as Record<string, unknown>)) {
    if (!CMDLET_KEYS.has(key)) throw new OverlayError(`${file}: '${key}' is not a cmdlet spec key (expected one of ${[...CMDLET_KEYS].join(", ")})`);
    if (key === "parameters") {
      out.parameters = overlayParameters(out.parameters, value, file);
    } else {
      (out as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

function overlayParameters(parameters: ParameterSpec[], overlay: unknown, file: string): ParameterSpec[] {
  if (typeof overlay !== "object" || overlay === null || Array.isArray(overlay)) {
    throw new OverlayError(`${file}: 'parameters' in an overlay maps parameter names to the fields to change`);
  }
  let out = parameters.map((p) => ({ ...p }));
  for (const [name, change] of Object.entries(overlay as Record<string, unknown>)) {
    const target = out.find((p) => p.name === name);
    if (!target) throw new OverlayError(`${file}: parameters.${name}: the scaffold made no parameter named '${name}' (it has ${out.map((p) => p.name).join(", ")})`);
    if (typeof change !== "object" || change === null || Array.isArray(change)) {
      throw new OverlayError(`${file}: parameters.${name}: expected a mapping of parameter fields`);
    }
    for (const key of Object.keys(change)) {
      if (!PARAMETER_KEYS.has(key)) throw new OverlayError(`${file}: parameters.${name}.${key} is not a parameter field`);
    }
    const { remove, ...fields } = change as Record<string, unknown>;
    if (remove === true) {
      out = out.filter((p) => p !== target);
      continue;
    }
    Object.assign(target, fields);
  }
  return out;
}
