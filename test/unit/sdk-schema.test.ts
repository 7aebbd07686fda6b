// The reader of the SDK's operation schemas (src/sdk-schema/schema.ts), on the real
// client package: the scaffold writes specs from what it reads, and the bridge converts
// input with it, so a misread trait (required, sensitive) or type shows up in both.
import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { listOperations, type MemberNode, type OperationNode, type SchemaNode, type StructureNode } from "../../src/sdk-schema/schema.js";

const operations = listOperations(sdk as unknown as Record<string, unknown>);

function operation(name: string): OperationNode {
  const op = operations.get(name);
  if (!op) throw new Error(`listOperations found no ${name}`);
  return op;
}
function member(shape: StructureNode, name: string): MemberNode {
  const m = shape.members.find((x) => x.name === name);
  if (!m) throw new Error(`${shape.name} has no member ${name}; it has ${shape.members.map((x) => x.name).join(", ")}`);
  return m;
}
function structure(node: SchemaNode): StructureNode {
  if (node.kind !== "structure") throw new Error(`expected a structure, found ${node.kind}`);
  return node;
}

describe("listOperations", () => {
  it("finds every operation of the client: one per Command class it exports", () => {
    // Counted independently of the `Name$` schemas: the client's XxxCommand classes.
    const commands = Object.keys(sdk)
      .filter((k) => /^[A-Z]\w*Command$/.test(k))
      .map((k) => k.slice(0, -"Command".length))
      .sort();
    expect(operations.size).toBe(140);
    expect([...operations.keys()].sort()).toEqual(commands);
  });

  it("reads an operation's input and output structures, by the SDK's names", () => {
    const op = operation("AdminInitiateAuth");
    expect(op.input.name).toBe("AdminInitiateAuthRequest");
    expect(op.output.name).toBe("AdminInitiateAuthResponse");
    expect(op.input.members.map((m) => m.name)).toEqual([
      "UserPoolId", "ClientId", "AuthFlow", "AuthParameters", "ClientMetadata", "AnalyticsMetadata", "ContextData", "Session",
    ]);
  });
});

describe("member traits", () => {
  const input = operation("AdminInitiateAuth").input;

  it("marks the first requiredCount members required, and only them", () => {
    // The schema puts required members first and counts them (3 here).
    expect(input.members.filter((m) => m.required).map((m) => m.name)).toEqual(["UserPoolId", "ClientId", "AuthFlow"]);
  });

  it("marks members sensitive through a sensitive target type (alias or map), and no others", () => {
    // ClientIdType and SessionType are sensitive string aliases, AuthParametersType a
    // sensitive map: the SDK keeps all three out of its logs.
    expect(input.members.filter((m) => m.sensitive).map((m) => m.name)).toEqual(["ClientId", "AuthParameters", "Session"]);
    expect(member(input, "UserPoolId").sensitive).toBe(false);
    expect(member(input, "ClientMetadata").sensitive).toBe(false);
  });

  it("marks sensitive members inside a structure that is not sensitive itself", () => {
    const result = member(operation("AdminInitiateAuth").output, "AuthenticationResult");
    expect(result.sensitive).toBe(false);
    const tokens = structure(result.type);
    expect(tokens.name).toBe("AuthenticationResultType");
    expect(member(tokens, "AccessToken").sensitive).toBe(true);
    expect(member(tokens, "RefreshToken").sensitive).toBe(true);
    expect(member(tokens, "ExpiresIn").sensitive).toBe(false);
  });
});

describe("member types", () => {
  it("reads lists of structures, maps of strings, blobs, numbers and documents", () => {
    const adminCreateUser = operation("AdminCreateUser").input;
    const attributes = member(adminCreateUser, "UserAttributes").type;
    expect(attributes.kind).toBe("list");
    const item = structure((attributes as Extract<SchemaNode, { kind: "list" }>).item);
    expect(item.name).toBe("AttributeType");
    expect(item.members.map((m) => [m.name, m.required, m.type.kind])).toEqual([
      ["Name", true, "string"],
      ["Value", false, "string"],
    ]);
    expect(member(adminCreateUser, "ClientMetadata").type).toMatchObject({ kind: "map", value: { kind: "string" } });
    expect(member(adminCreateUser, "DesiredDeliveryMediums").type).toMatchObject({ kind: "list", item: { kind: "string" } });
    expect(member(adminCreateUser, "ForceAliasCreation").type.kind).toBe("boolean");

    expect(member(operation("SetUICustomization").input, "ImageFile").type.kind).toBe("blob");
    expect(member(operation("CreateManagedLoginBranding").input, "Settings").type.kind).toBe("document");
  });

  it("reads nested structures down to their scalar leaves", () => {
    const policies = structure(member(operation("CreateUserPool").input, "Policies").type);
    expect(policies.name).toBe("UserPoolPolicyType");
    const password = structure(member(policies, "PasswordPolicy").type);
    expect(password.name).toBe("PasswordPolicyType");
    expect(member(password, "MinimumLength").type.kind).toBe("number");
    expect(member(password, "RequireUppercase").type.kind).toBe("boolean");
  });

  it("reads timestamps in responses", () => {
    const user = structure(member(operation("AdminCreateUser").output, "User").type);
    expect(member(user, "UserCreateDate").type.kind).toBe("timestamp");
  });

  it("gives a structure the same node wherever it is referred to", () => {
    // Cached per schema, so recursive shapes terminate and comparisons by identity work.
    const a = member(operation("AdminCreateUser").input, "UserAttributes").type as Extract<SchemaNode, { kind: "list" }>;
    const b = member(operation("UpdateUserAttributes").input, "UserAttributes").type as Extract<SchemaNode, { kind: "list" }>;
    expect(a.item).toBe(b.item);
  });
});
