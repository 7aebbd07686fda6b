// inputBuilder (src/runtime/schema-input.ts): bound parameter values, as they arrive in
// JSON from PowerShell, converted against the SDK's own schema of the request. The
// schemas are the real ones the client package exports, so these tests also fail if the
// schema reader stops understanding them.
import {
  AdminCreateUser$,
  CreateManagedLoginBranding$,
  CreateUserPool$,
  SetUICustomization$,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/runtime/input.js";
import { inputBuilder } from "../../src/runtime/schema-input.js";

/** The InputError `build` throws (failing the test if it throws nothing or something else). */
function refusal(build: () => unknown): InputError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError, but the input was accepted");
}

// Parameters as the scaffold names them (see specs/cmdlets/New-CGIPUserAdmin.yaml):
// plural SDK names made singular, the SDK member kept as the target.
const adminCreateUser = inputBuilder(AdminCreateUser$, {
  UserPoolId: "UserPoolId",
  Username: "Username",
  UserAttribute: "UserAttributes",
  DesiredDeliveryMedium: "DesiredDeliveryMediums",
  ForceAliasCreation: "ForceAliasCreation",
  ClientMetadata: "ClientMetadata",
});
const required = { UserPoolId: "us-east-1_pool", Username: "alice" };

describe("structure keys", () => {
  it("maps keys written in any case to the schema's member names", () => {
    // PowerShell users write @{name='email'; VALUE='a@example.com'}; the SDK only
    // serialises members spelt as in its schema, so wrong-case keys would be dropped.
    const input = adminCreateUser({
      ...required,
      UserAttribute: [
        { name: "email", VALUE: "a@example.com" },
        { NAME: "given_name", value: "Alice" },
      ],
    });
    expect(input).toEqual({
      ...required,
      UserAttributes: [
        { Name: "email", Value: "a@example.com" },
        { Name: "given_name", Value: "Alice" },
      ],
    });
  });

  it("refuses an unknown key, naming the parameter, the item and the valid keys", () => {
    const error = refusal(() => adminCreateUser({ ...required, UserAttribute: [{ Name: "email", Value: "x" }, { Nmae: "phone_number" }] }));
    expect(error.parameter).toBe("UserAttribute");
    expect(error.message).toBe(
      "-UserAttribute[1] has a key 'Nmae' that AttributeType does not have; its keys are Name (required), Value.",
    );
  });

  it("refuses an item without a required key (AttributeType.Name), or with it set to $null", () => {
    for (const item of [{ Value: "a@example.com" }, { Name: null, Value: "a@example.com" }]) {
      const error = refusal(() => adminCreateUser({ ...required, UserAttribute: item }));
      expect(error.parameter).toBe("UserAttribute");
      expect(error.message).toBe("-UserAttribute[0] needs the key Name (AttributeType requires it).");
    }
  });

  it("refuses a key given twice in different cases, rather than picking one", () => {
    const error = refusal(() => adminCreateUser({ ...required, UserAttribute: { Name: "email", name: "phone_number" } }));
    expect(error.parameter).toBe("UserAttribute");
    expect(error.message).toContain("gives Name twice");
  });

  it("refuses a value that is not a hashtable where a structure goes", () => {
    const error = refusal(() => adminCreateUser({ ...required, UserAttribute: "email=a@example.com" }));
    expect(error.parameter).toBe("UserAttribute");
    expect(error.message).toBe(
      "-UserAttribute[0] takes a hashtable or object with the keys Name (required), Value, but the value given was a string.",
    );
  });
});

describe("lists", () => {
  it("makes a single value a one-item list, as PowerShell hands one-item arrays over", () => {
    const input = adminCreateUser({ ...required, UserAttribute: { Name: "email", Value: "a@example.com" }, DesiredDeliveryMedium: "EMAIL" });
    expect(input.UserAttributes).toEqual([{ Name: "email", Value: "a@example.com" }]);
    expect(input.DesiredDeliveryMediums).toEqual(["EMAIL"]);
  });

  it("refuses $null inside a list, naming the item", () => {
    const error = refusal(() => adminCreateUser({ ...required, DesiredDeliveryMedium: ["EMAIL", null] }));
    expect(error.parameter).toBe("DesiredDeliveryMedium");
    expect(error.message).toBe("-DesiredDeliveryMedium[1] is $null; lists cannot hold $null.");
  });
});

describe("parameters", () => {
  it("leaves out parameters bound to $null", () => {
    expect(adminCreateUser({ ...required, ForceAliasCreation: null, ClientMetadata: undefined })).toEqual(required);
  });

  it("refuses a parameter the handler does not know", () => {
    const error = refusal(() => adminCreateUser({ ...required, UserName2: "x" }));
    expect(error.parameter).toBe("UserName2");
    expect(error.message).toBe("-UserName2 is not a parameter of AdminCreateUser.");
  });
});

describe("flattened members", () => {
  // -PasswordPolicy_MinimumLength and friends fill members of nested structures.
  const createUserPool = inputBuilder(CreateUserPool$, {
    PoolName: "PoolName",
    PasswordPolicy_MinimumLength: "Policies.PasswordPolicy.MinimumLength",
    PasswordPolicy_RequireUppercase: "Policies.PasswordPolicy.RequireUppercase",
    SignInPolicy_AllowedFirstAuthFactor: "Policies.SignInPolicy.AllowedFirstAuthFactors",
    AccountRecoverySetting_RecoveryMechanism: "AccountRecoverySetting.RecoveryMechanisms",
    Schema: "Schema",
  });

  it("builds the nested structures of a dotted member path, sharing common parents", () => {
    const input = createUserPool({
      PoolName: "pool",
      PasswordPolicy_MinimumLength: 12,
      PasswordPolicy_RequireUppercase: true,
      SignInPolicy_AllowedFirstAuthFactor: "PASSWORD",
    });
    expect(input).toEqual({
      PoolName: "pool",
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireUppercase: true },
        SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD"] },
      },
    });
  });

  it("creates no parent structure when its flattened parameters are unbound", () => {
    expect(createUserPool({ PoolName: "pool", PasswordPolicy_MinimumLength: null })).toEqual({ PoolName: "pool" });
  });

  describe("scalars", () => {
    it("inside a structure, converts numeric and boolean strings as PowerShell's casts would", () => {
      // RecoveryOptionType.Priority is a number, SchemaAttributeType.Mutable a boolean.
      const input = createUserPool({
        PoolName: "pool",
        AccountRecoverySetting_RecoveryMechanism: [{ priority: "1", name: "verified_email" }],
        Schema: { Name: "tier", AttributeDataType: "String", Mutable: "TRUE" },
      });
      expect(input.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Priority: 1, Name: "verified_email" }] });
      expect(input.Schema).toEqual([{ Name: "tier", AttributeDataType: "String", Mutable: true }]);
    });

    it("inside a structure, still refuses a string that is not a number", () => {
      const error = refusal(() => createUserPool({ PoolName: "pool", AccountRecoverySetting_RecoveryMechanism: { Priority: "first", Name: "verified_email" } }));
      expect(error.parameter).toBe("AccountRecoverySetting_RecoveryMechanism");
      expect(error.message).toBe("-AccountRecoverySetting_RecoveryMechanism[0].Priority takes a number, but the value given was a string.");
    });

    it("at the top level, refuses a number for a string parameter and a string for a number one", () => {
      // PowerShell already typed top-level parameters: a mismatch is a generator bug, not a cast to do.
      const name = refusal(() => createUserPool({ PoolName: 42 }));
      expect(name.parameter).toBe("PoolName");
      expect(name.message).toBe("-PoolName takes a string, but the value given was a number.");
      const length = refusal(() => createUserPool({ PoolName: "pool", PasswordPolicy_MinimumLength: "12" }));
      expect(length.parameter).toBe("PasswordPolicy_MinimumLength");
      expect(length.message).toBe("-PasswordPolicy_MinimumLength takes a number, but the value given was a string.");
    });
  });
});

describe("maps of strings", () => {
  it("passes string values through", () => {
    expect(adminCreateUser({ ...required, ClientMetadata: { source: "import", batch: "7" } }).ClientMetadata).toEqual({ source: "import", batch: "7" });
  });

  it.each([
    [{ batch: 7 }, "a number"],
    [{ batch: true }, "a boolean"],
    [{ batch: { n: "7" } }, "an object"],
    [{ batch: ["7"] }, "an array"],
    [{ batch: null }, "null"],
  ])("refuses %j: values must already be strings", (metadata, what) => {
    const error = refusal(() => adminCreateUser({ ...required, ClientMetadata: metadata }));
    expect(error.parameter).toBe("ClientMetadata");
    expect(error.message).toBe(`-ClientMetadata takes string values only, but the value for key 'batch' is ${what}. Convert it to a string first.`);
  });

  it("refuses a value that is not a hashtable", () => {
    const error = refusal(() => adminCreateUser({ ...required, ClientMetadata: "source=import" }));
    expect(error.parameter).toBe("ClientMetadata");
    expect(error.message).toBe("-ClientMetadata takes a hashtable, but the value given was a string.");
  });
});

describe("blobs and documents", () => {
  const setUICustomization = inputBuilder(SetUICustomization$, { UserPoolId: "UserPoolId", ImageFile: "ImageFile" });

  it("decodes a base64 string into bytes", () => {
    // The first bytes of a PNG file.
    const input = setUICustomization({ UserPoolId: "pool", ImageFile: "iVBORw0KGgo=" });
    expect(input.ImageFile).toBeInstanceOf(Uint8Array);
    expect([...(input.ImageFile as Uint8Array)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("takes a byte array as bytes, and refuses numbers that are not bytes", () => {
    expect([...(setUICustomization({ UserPoolId: "pool", ImageFile: [0, 127, 255] }).ImageFile as Uint8Array)]).toEqual([0, 127, 255]);
    const error = refusal(() => setUICustomization({ UserPoolId: "pool", ImageFile: [1, 256] }));
    expect(error.parameter).toBe("ImageFile");
    expect(error.message).toBe("-ImageFile takes bytes (a byte array), but the value given was an array.");
  });

  it("passes a document (ManagedLoginBranding Settings) through as given", () => {
    const settings = { components: { pageBackground: { lightMode: { color: "ffffffff" } } }, list: [1, "two", null] };
    const build = inputBuilder(CreateManagedLoginBranding$, { UserPoolId: "UserPoolId", ClientId: "ClientId", Setting: "Settings" });
    expect(build({ UserPoolId: "pool", ClientId: "client", Setting: settings }).Settings).toEqual(settings);
  });
});

describe("values that would slip through unchecked", () => {
  const createUserPool = inputBuilder(CreateUserPool$, {
    PoolName: "PoolName",
    UserPoolTag: "UserPoolTags",
    CustomSMSSender_LambdaArn: "LambdaConfig.CustomSMSSender.LambdaArn",
    CustomSMSSender_LambdaVersion: "LambdaConfig.CustomSMSSender.LambdaVersion",
  });

  it("keeps a map key named __proto__ as a key", () => {
    const input = createUserPool({ PoolName: "p", UserPoolTag: JSON.parse('{"__proto__":"x","a":"b"}') });
    expect(Object.entries(input.UserPoolTags as object)).toEqual([["__proto__", "x"], ["a", "b"]]);
  });

  it("refuses text that is not base64 for bytes", () => {
    const build = inputBuilder(SetUICustomization$, { UserPoolId: "UserPoolId", ImageFile: "ImageFile" });
    const error = refusal(() => build({ UserPoolId: "p", ImageFile: "not base64!!" }));
    expect(error.parameter).toBe("ImageFile");
    expect(error.message).toBe("-ImageFile takes bytes (a byte array), but the value given was a string.");
  });

  it("refuses a structure assembled from flattened parameters that lacks a required member", () => {
    const error = refusal(() => createUserPool({ PoolName: "p", CustomSMSSender_LambdaArn: "arn:aws:lambda:us-east-1:1:function:f" }));
    expect(error.parameter).toBe("CustomSMSSender_LambdaArn");
    expect(error.message).toBe(
      "-CustomSMSSender_LambdaArn fills CustomSMSLambdaVersionConfigType, which also needs LambdaVersion: give -CustomSMSSender_LambdaVersion too.",
    );
    const input = createUserPool({ PoolName: "p", CustomSMSSender_LambdaArn: "arn", CustomSMSSender_LambdaVersion: "V1_0" });
    expect(input.LambdaConfig).toEqual({ CustomSMSSender: { LambdaArn: "arn", LambdaVersion: "V1_0" } });
  });

  it("refuses a parameter named like an Object.prototype member", () => {
    expect(refusal(() => createUserPool({ PoolName: "p", toString: "x" })).message).toBe("-toString is not a parameter of CreateUserPool.");
  });
});
