// Settings a call reads when it runs: the configured endpoint (variables, a profile's
// endpoint_url and services section) and the proxy (Set-AWSProxy's, or the variables).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { configuredEndpoint } from "../../src/runtime/endpoint.js";
import { proxyCacheKey, proxyConfigured, proxyFor } from "../../src/runtime/proxy.js";

const VARIABLES = [
  "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
  "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy",
];
const SERVICE = "Cognito Identity Provider";
let saved: Record<string, string | undefined>;
let dir: string;

beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((n) => [n, process.env[n]]));
  for (const name of VARIABLES) delete process.env[name];
  dir = mkdtempSync(join(tmpdir(), "call-settings-"));
  process.env.AWS_CONFIG_FILE = join(dir, "config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
});
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("the configured endpoint", () => {
  it("is none when nothing is configured", async () => {
    expect(await configuredEndpoint(SERVICE, "default")).toBeUndefined();
  });

  it("comes from the service's own variable first, then AWS_ENDPOINT_URL, then the profile", async () => {
    writeFileSync(process.env.AWS_CONFIG_FILE!, "[default]\nendpoint_url = http://127.0.0.1:3\n");
    expect((await configuredEndpoint(SERVICE, "default"))?.url).toBe("http://127.0.0.1:3");
    process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:2";
    expect((await configuredEndpoint(SERVICE, "default"))?.url).toBe("http://127.0.0.1:2");
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = "http://127.0.0.1:1";
    expect(await configuredEndpoint(SERVICE, "default")).toEqual({ url: "http://127.0.0.1:1", source: "the AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER environment variable" });
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "true";
    expect(await configuredEndpoint(SERVICE, "default")).toBeUndefined();
  });

  it("reads a profile's services section before its endpoint_url, and re-reads the file when it changes", async () => {
    const config = process.env.AWS_CONFIG_FILE!;
    writeFileSync(config, "[profile dev]\nservices = local\nendpoint_url = http://127.0.0.1:9\n\n[services local]\ncognito_identity_provider =\n  endpoint_url = http://127.0.0.1:8\n");
    expect((await configuredEndpoint(SERVICE, "dev"))?.url).toBe("http://127.0.0.1:8");
    writeFileSync(config, "[profile dev]\nendpoint_url = http://127.0.0.1:7/\nignore_configured_endpoint_urls = false\n");
    expect((await configuredEndpoint(SERVICE, "dev"))?.url).toBe("http://127.0.0.1:7/");
    writeFileSync(config, "[profile dev]\nservices = missing\n");
    await expect(configuredEndpoint(SERVICE, "dev")).rejects.toThrow("names the services section 'missing'");
  });

  it("refuses a value that is not an http or https URL, saying where it came from", async () => {
    process.env.AWS_ENDPOINT_URL = "ftp://example.com";
    await expect(configuredEndpoint(SERVICE, "default")).rejects.toThrow("'ftp://example.com' (from the AWS_ENDPOINT_URL environment variable) is not an absolute http or https URL");
  });
});

describe("the proxy for a request", () => {
  it("is none unless Set-AWSProxy or a proxy variable gives one", () => {
    expect(proxyConfigured(undefined)).toBe(false);
    expect(proxyCacheKey(undefined)).toBe("");
    expect(proxyFor("https://cognito-idp.us-east-1.amazonaws.com/", undefined)).toBe("");
  });

  it("follows HTTPS_PROXY and HTTP_PROXY by scheme, with NO_PROXY", () => {
    process.env.HTTPS_PROXY = "http://user:pw@proxy.example:3128";
    process.env.HTTP_PROXY = "http://plain.example:8080";
    expect(proxyConfigured(undefined)).toBe(true);
    expect(proxyFor("https://cognito-idp.us-east-1.amazonaws.com/", undefined)).toBe("http://user:pw@proxy.example:3128");
    expect(proxyFor("http://127.0.0.1:9229/", undefined)).toBe("http://plain.example:8080");
    process.env.NO_PROXY = ".amazonaws.com,127.0.0.1";
    expect(proxyFor("https://cognito-idp.us-east-1.amazonaws.com/", undefined)).toBe("");
    expect(proxyFor("http://127.0.0.1:9229/", undefined)).toBe("");
  });

  it("prefers Set-AWSProxy's, with its credentials encoded, unless a bypass rule matches", () => {
    process.env.HTTPS_PROXY = "http://env.example:1";
    const explicit = { host: "http://proxy.corp", port: 8080, username: "me@corp", password: "p:w/d", bypassList: ["\\.internal\\.example"], bypassOnLocal: true };
    expect(proxyFor("https://cognito-idp.eu-west-1.amazonaws.com/", explicit)).toBe("http://me%40corp:p%3Aw%2Fd@proxy.corp:8080");
    expect(proxyFor("https://api.internal.example/", explicit)).toBe("");
    expect(proxyFor("http://localhost:9229/", explicit)).toBe("");
    expect(proxyFor("http://127.0.0.1:9229/", explicit)).toBe("");
    expect(proxyFor("http://emulator:9229/", explicit)).toBe("");
  });

  it("keys the client cache on the settings without keeping a password in clear", () => {
    const key = proxyCacheKey({ host: "p", port: 1, username: "u", password: "secret-pass" });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(proxyCacheKey({ host: "p", port: 1, username: "u", password: "other" })).not.toBe(key);
  });
});
