// Which credentials a signed call uses (src/runtime/credentials.ts): keys given to the
// cmdlet, a profile, or the SDK's default chain; and what the client cache keeps of them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseCredentials, CredentialsError, isNoCredentialsError } from "../../src/runtime/credentials.js";
import { InputError } from "../../src/runtime/input.js";

const dir = mkdtempSync(join(tmpdir(), "credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("keys given to the cmdlet", () => {
  it("are used as they are, and the cache key holds no secret", () => {
    const choice = chooseCredentials({ credentials: { accessKeyId: "AKID", secretAccessKey: "very-secret", sessionToken: "token-value" } });
    expect(choice.credentials).toEqual({ accessKeyId: "AKID", secretAccessKey: "very-secret", sessionToken: "token-value" });
    expect(choice.key).toMatch(/^keys:AKID:[0-9a-f]{64}$/);
    expect(choice.key).not.toContain("very-secret");
    expect(choice.key).not.toContain("token-value");
  });

  it("tell different secrets of one key id apart", () => {
    const a = chooseCredentials({ credentials: { accessKeyId: "AKID", secretAccessKey: "one" } });
    const b = chooseCredentials({ credentials: { accessKeyId: "AKID", secretAccessKey: "two" } });
    expect(a.key).not.toBe(b.key);
  });

  it.each([
    [{ accessKeyId: "AKID" }, "SecretKey", "-AccessKey was given without -SecretKey; give both."],
    [{ secretAccessKey: "s" }, "AccessKey", "-SecretKey was given without -AccessKey; give both."],
  ])("refuse half a pair: %j", (credentials, parameter, message) => {
    try {
      chooseCredentials({ credentials });
      expect.unreachable("accepted half a key pair");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).parameter).toBe(parameter);
      expect((error as InputError).message).toBe(message);
    }
  });
});

describe("a profile", () => {
  it("is read from -ProfileLocation by the SDK's ini provider", async () => {
    const file = join(dir, "credentials");
    writeFileSync(file, "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n");
    const choice = chooseCredentials({ profile: "work", profileLocation: file });
    expect(choice.key).toMatch(new RegExp(`^profile:work:${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`));
    const identity = await (choice.credentials as () => Promise<{ accessKeyId: string }>)();
    expect(identity.accessKeyId).toBe("AKIDWORK");
  });

  it("that has no credentials gives an error naming the profile and the file", async () => {
    const file = join(dir, "other");
    writeFileSync(file, "[other]\naws_access_key_id = A\naws_secret_access_key = B\n");
    const provider = chooseCredentials({ profile: "missing", profileLocation: file }).credentials as () => Promise<unknown>;
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(new RegExp(`^No credentials found for profile 'missing' in '${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}': `));
    expect(isNoCredentialsError(error)).toBe(true);
  });
});

describe("nothing given", () => {
  it("leaves the SDK's default chain in charge", () => {
    const choice = chooseCredentials({});
    expect(choice.credentials).toBeUndefined();
    expect(choice.key).toMatch(/^default:/);
  });

  it("gets a new client key when the profile file changes, so rotated keys are used", () => {
    const file = join(dir, "rotating");
    writeFileSync(file, "[p]\naws_access_key_id = OLD\naws_secret_access_key = s\n");
    const before = chooseCredentials({ profile: "p", profileLocation: file }).key;
    writeFileSync(file, "[p]\naws_access_key_id = NEWKEYID\naws_secret_access_key = s2\n");
    expect(chooseCredentials({ profile: "p", profileLocation: file }).key).not.toBe(before);
  });

  it("recognises the default chain's failure by its error name", () => {
    expect(isNoCredentialsError(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }))).toBe(true);
    expect(isNoCredentialsError(new Error("something else"))).toBe(false);
  });
});
