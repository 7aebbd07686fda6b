// The service's .NET model types (generated/dotnet): read from the SDK for JavaScript's
// model, typed as the AWS SDK for .NET types them, and checked against a second source,
// the service model the AWS CLI ships (botocore), where this machine has it.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { constantName, emitDotnetModel } from "../../src/generator/dotnet-model.js";
import { generate } from "../../src/generator/generate.js";
import { checkTableViews } from "../../src/generator/sdk-check.js";
import { buildServiceModel, readDeclarations, readSpecsModel, type ModelType, type ServiceModel } from "../../src/sdk-schema/model.js";
import { loadSpecs } from "../../src/spec/loader.js";

const root = resolve(import.meta.dirname, "../..");
const specs = loadSpecs(join(root, "specs"), { displayRoot: root });
const model = await readSpecsModel(specs);
const files = emitDotnetModel(model, { serviceNamespace: "Amazon.CognitoIdentityProvider", service: "CognitoIdentityProvider" });
const structure = (name: string) => model.structures.find((s) => s.name === name)!;

describe("the model read from the SDK for JavaScript", () => {
  it("has a request and a response type for every operation the specs cover", () => {
    for (const cmdlet of specs.cmdlets) {
      expect(structure(`${cmdlet.spec.operation}Request`)?.role).toBe("request");
      expect(structure(`${cmdlet.spec.operation}Response`)?.role).toBe("response");
    }
  });

  it("names the enum a string member takes, which the SDK's schemas do not", () => {
    const members = Object.fromEntries(structure("UserType").members.map((m) => [m.name, m.type]));
    expect(members.UserStatus).toEqual({ kind: "enum", name: "UserStatusType" });
    expect(members.Username).toEqual({ kind: "string" });
    expect(members.Attributes).toEqual({ kind: "list", item: { kind: "structure", name: "AttributeType" } });
    const client = Object.fromEntries(structure("UserPoolClientType").members.map((m) => [m.name, m.type]));
    expect(client.ExplicitAuthFlows).toEqual({ kind: "list", item: { kind: "enum", name: "ExplicitAuthFlowsType" } });
  });

  it("makes the spec's long members long and other numbers int", () => {
    const job = Object.fromEntries(structure("UserImportJobType").members.map((m) => [m.name, m.type.kind]));
    expect(job).toMatchObject({ ImportedUsers: "long", SkippedUsers: "long", FailedUsers: "long" });
    expect(Object.fromEntries(structure("UserPoolType").members.map((m) => [m.name, m.type.kind])).EstimatedNumberOfUsers).toBe("integer");
  });

  it("refuses a long member that the model does not have, rather than ignoring a typo", async () => {
    const client = (await import(specs.service.sdk.package)) as Record<string, unknown>;
    const declarations = readDeclarations(specs.service.sdk.package);
    expect(() => buildServiceModel(client, declarations, ["DescribeUserImportJob"], { longMembers: ["UserImportJobType.ImportedUser"] })).toThrow(
      /longMembers names members that are not numbers of the model: UserImportJobType.ImportedUser/,
    );
  });
});

describe("the generated C#", () => {
  it("declares each structure's members as the AWS SDK for .NET does, sorted by name", () => {
    const user = files.get("dotnet/Model/UserType.cs")!;
    expect(user).toContain("namespace Amazon.CognitoIdentityProvider.Model");
    expect(user).toContain("    public partial class UserType\n");
    const properties = user.split("\n").filter((l) => l.includes("{ get; set; }")).map((l) => l.trim());
    expect(properties).toEqual([
      "public List<AttributeType> Attributes { get; set; }",
      "public bool? Enabled { get; set; }",
      "public List<MFAOptionType> MFAOptions { get; set; }",
      "public DateTime? UserCreateDate { get; set; }",
      "public DateTime? UserLastModifiedDate { get; set; }",
      "public UserStatusType UserStatus { get; set; }",
      "public string Username { get; set; }",
    ]);
    expect(files.get("dotnet/Model/UserImportJobType.cs")).toContain("public long? ImportedUsers { get; set; }");
  });

  it("derives requests and responses from the SDK's base classes", () => {
    expect(files.get("dotnet/Model/AdminCreateUserRequest.cs")).toContain("public partial class AdminCreateUserRequest : AmazonCognitoIdentityProviderRequest");
    expect(files.get("dotnet/Model/AdminCreateUserResponse.cs")).toContain("public partial class AdminCreateUserResponse : AmazonWebServiceResponse");
    expect(files.get("dotnet/Model/AmazonCognitoIdentityProviderRequest.cs")).toContain(": AmazonWebServiceRequest");
  });

  it("names constants as the .NET SDK does: the value with its first letter in upper case", () => {
    const enums = files.get("dotnet/ServiceEnumerations.cs")!;
    expect(enums).toContain('public static readonly TimeUnitsType Days = new TimeUnitsType("days");');
    expect(enums).toContain('public static readonly VerifiedAttributeType Phone_number = new VerifiedAttributeType("phone_number");');
    expect(enums).toContain('public static readonly AuthFlowType USER_PASSWORD_AUTH = new AuthFlowType("USER_PASSWORD_AUTH");');
    expect(constantName("custom:attr")).toBe("Custom_attr");
  });
});

// The AWS CLI's botocore carries the service's own model (with int/long and enums).
async function botocoreModel(): Promise<{ shapes: Record<string, BotoShape>; operations: Record<string, { input?: { shape: string }; output?: { shape: string } }> } | undefined> {
  const python = await execa("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"], { reject: false });
  if (python.exitCode !== 0) return undefined;
  const dir = join(python.stdout.trim(), "data", specs.service.sdk.cliCommand ?? "", "2016-04-18");
  for (const file of ["service-2.json", "service-2.json.gz"]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    return JSON.parse((file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
  }
  return undefined;
}
interface BotoShape {
  type: string;
  document?: boolean;
  enum?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
}

const boto = await botocoreModel();

describe.skipIf(!boto)("the model against the AWS CLI's service model (botocore)", () => {
  const shapes = boto?.shapes ?? {};
  // What botocore's shape is, in the model's terms; undefined where the two cannot be compared.
  const expected = (shapeName: string): ModelType | undefined => {
    const shape = shapes[shapeName];
    if (!shape) return undefined;
    switch (shape.type) {
      case "string":
        return shape.enum ? { kind: "enum", name: shapeName } : { kind: "string" };
      case "integer":
        return { kind: "integer" };
      case "long":
        return { kind: "long" };
      case "boolean":
      case "timestamp":
      case "blob":
        return { kind: shape.type };
      case "structure":
        // botocore marks a free-form JSON member as a structure with `document: true`.
        return shape.document ? { kind: "document" } : { kind: "structure", name: shapeName };
      case "list": {
        const item = expected(shape.member!.shape);
        return item && { kind: "list", item };
      }
      case "map": {
        const value = expected(shape.value!.shape);
        return value && { kind: "map", value };
      }
      default:
        return undefined;
    }
  };

  it("types every member both know alike (enums by name, int and long)", () => {
    const mismatches: string[] = [];
    let compared = 0;
    const compare = (ours: ServiceModel["structures"][number], botoName: string) => {
      const boto = shapes[botoName];
      for (const member of ours.members) {
        const theirs = boto?.members?.[member.name];
        const want = theirs && expected(theirs.shape);
        if (!want) continue;
        compared++;
        // botocore names an operation's input and output after the service's shapes; the model after the operation.
        const normalise = (t: ModelType): unknown => (t.kind === "structure" ? { kind: "structure" } : t.kind === "list" ? { kind: "list", item: normalise(t.item) } : t.kind === "map" ? { kind: "map", value: normalise(t.value) } : t);
        if (JSON.stringify(normalise(member.type)) !== JSON.stringify(normalise(want))) mismatches.push(`${ours.name}.${member.name}: ${JSON.stringify(member.type)} against ${JSON.stringify(want)}`);
      }
    };
    for (const s of model.structures) {
      if (s.role === "shape") compare(s, s.name);
      else {
        const operation = boto!.operations[s.name.replace(/(Request|Response)$/, "")];
        const botoName = s.role === "request" ? operation?.input?.shape : operation?.output?.shape;
        if (botoName) compare(s, botoName);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(900);
  });

  it("knows every value botocore knows of each enum", () => {
    const missing: string[] = [];
    for (const e of model.enums) {
      for (const value of shapes[e.name]?.enum ?? []) if (!e.values.includes(value)) missing.push(`${e.name}.${value}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("table views the service spec chooses", () => {
  it("become table views with those columns, in that order", () => {
    const formats = generate(specs, model).get("powershell/PSCognitoIdentityProvider.Format.ps1xml")!;
    const view = formats.slice(formats.indexOf("<Name>Amazon.CognitoIdentityProvider.Model.UserType</Name>"));
    const columns = [...view.slice(0, view.indexOf("</View>")).matchAll(/<PropertyName>(\w+)<\/PropertyName>/g)].map((m) => m[1]);
    expect(columns).toEqual(["Username", "UserStatus", "Enabled", "UserCreateDate"]);
  });

  it("must name model types and their members, or generation stops at the line", () => {
    const text = "service: X\ntableViews:\n  UserType: [Username, UserState]\n  NoSuchType: [A]\n";
    const broken = { ...specs, service: { ...specs.service, tableViews: { UserType: ["Username", "UserState"], NoSuchType: ["A"] } } };
    const issues = checkTableViews(broken, model, text);
    expect(issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      expect.stringMatching(/^3: tableViews.UserType: UserType has no member named UserState \(it has Attributes, /),
      "4: tableViews.NoSuchType: the service's model has no structure named NoSuchType",
    ]);
    // The column points at the member that is not there.
    expect(issues[0]!.column).toBe(text.split("\n")[2]!.indexOf("UserState") + 1);
  });
});
