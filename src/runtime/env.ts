// The session's settings that calls read from the environment. The bridge is one
// long-lived process, but AWS Tools reads its environment at each call: PowerShell sends
// the variables it tracks (src/dotnet/SessionEnvironment.cs) before the first request and
// whenever one changes, and they replace the bridge's own copies, which the SDK's loaders,
// the endpoint and the proxy settings then read.

export function applyEnvironment(values: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" && value.length > 0) process.env[name] = value;
    else delete process.env[name];
  }
}
