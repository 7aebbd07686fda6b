// The generator: deterministic output, generated/ in step with specs/, and a check
// command that fails when it is not.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { compareGenerated, generate } from "../../src/generator/generate.js";
import { SHARED_COMMANDS } from "../../src/generator/powershell.js";
import { readSpecsModel } from "../../src/sdk-schema/model.js";
import { loadSpecs } from "../../src/spec/loader.js";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "src", "generator", "cli.ts");
const work = mkdtempSync(join(tmpdir(), "generator-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The service's model, read once from the SDK package (what `npm run generate` reads).
const model = await readSpecsModel(loadSpecs(join(root, "specs"), { displayRoot: root }));

const runCli = (...args: string[]) => execa(process.execPath, ["--import", "tsx", cli, ...args], { cwd: root, reject: false });

describe("generate()", () => {
  const specs = loadSpecs(join(root, "specs"), { displayRoot: root });

  it("gives the same bytes every time", () => {
    const first = generate(specs, model);
    const second = generate(loadSpecs(join(root, "specs"), { displayRoot: root }), model);
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it("matches what is committed in generated/", () => {
    expect(compareGenerated(join(root, "generated"), generate(specs, model))).toEqual([]);
  });

  it("writes a handler that imports only its own SDK command and schema", () => {
    const handler = generate(specs, model).get("handlers/GetUserAttributeVerificationCode.ts")!;
    const sdkImports = handler.split("\n").filter((l) => l.includes("@aws-sdk/"));
    expect(sdkImports).toEqual([
      'import { GetUserAttributeVerificationCode$, GetUserAttributeVerificationCodeCommand, type GetUserAttributeVerificationCodeCommandInput } from "@aws-sdk/client-cognito-identity-provider";',
    ]);
    // The input is converted against the SDK's schema, not by per-type coercers.
    expect(handler).toContain("buildInput: inputBuilder(GetUserAttributeVerificationCode$, {");
    expect(handler).toContain('    ClientMetadata: "ClientMetadata",\n');
    expect(handler).not.toContain("runtime/input.js");
    expect(handler).toContain('sensitive: ["AccessToken"]');
  });

  it("maps a flattened parameter to its member path in the handler", () => {
    // -PasswordPolicy_MinimumLength fills Policies.PasswordPolicy.MinimumLength.
    const handler = generate(specs, model).get("handlers/CreateUserPool.ts")!;
    expect(handler).toContain("buildInput: inputBuilder(CreateUserPool$, {");
    expect(handler).toContain('    PasswordPolicy_MinimumLength: "Policies.PasswordPolicy.MinimumLength",\n');
  });

  it("writes a manifest with explicit exports and no wildcards", () => {
    const manifest = generate(specs, model).get("powershell/PSCognitoIdentityProvider.psd1")!;
    const listed = (key: string) => new RegExp(`${key}\\s+= @\\(([^)]*)\\)`).exec(manifest)![1]!.match(/'[^']+'/g);
    // Every cmdlet spec file is a function of the script module; the runtime's shell
    // commands (written out here rather than taken from the generator) are its cmdlets.
    const cmdletNames = readdirSync(join(root, "specs", "cmdlets"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.slice(0, -".yaml".length));
    // AWS.Tools.Common's commands (its V5 manifest), and V4's Set-AWSHistoryConfiguration.
    const shared = (
      "Initialize-AWSDefaultConfiguration Clear-AWSDefaultConfiguration Get-AWSPowerShellVersion Set-AWSSensitiveDataConfiguration " +
      "Get-AWSSensitiveDataConfiguration Set-AWSAutoIterationMode Get-AWSAutoIterationMode New-AWSCredential Set-AWSCredential " +
      "Clear-AWSCredential Get-AWSCredential Set-AWSSamlEndpoint Set-AWSSamlRoleProfile Get-AWSService Get-AWSCmdletName " +
      "Add-AWSLoggingListener Remove-AWSLoggingListener Set-AWSResponseLogging Enable-AWSMetricsLogging Disable-AWSMetricsLogging " +
      "Set-AWSProxy Clear-AWSProxy Get-AWSPublicIpAddressRange Set-DefaultAWSRegion Clear-DefaultAWSRegion Get-DefaultAWSRegion " +
      "Get-AWSRegion Remove-AWSCredentialProfile Invoke-AWSSSOLogin Initialize-AWSSSOConfiguration Set-AWSSSOSessionConfiguration " +
      "Invoke-AWSSSOLogout Set-AWSHistoryConfiguration"
    ).split(" ");
    expect(listed("FunctionsToExport")).toEqual(cmdletNames.sort().map((n) => `'${n}'`));
    expect(listed("FunctionsToExport")).toContain("'Get-CGIPUserList'");
    expect(listed("FunctionsToExport")).toHaveLength(140);
    expect(listed("CmdletsToExport")).toEqual(shared.sort().map((n) => `'${n}'`));
    expect(manifest).toMatch(/VariablesToExport\s+= @\(\)/);
    expect(listed("AliasesToExport")).toEqual(
      ["Clear-AWSCredentials", "Clear-AWSDefaults", "Get-AWSCredentials", "Initialize-AWSDefaults", "New-AWSCredentials", "Set-AWSCredentials"].map((n) => `'${n}'`),
    );
    expect(manifest).not.toContain("*");
    expect(manifest).toContain("RootModule           = 'PSCognitoIdentityProvider.psm1'");
    expect(manifest).toContain("NestedModules        = @('PSCognitoIdentityProvider.dll')");
    // The runtime loads the views on the first call (FormatViews.cs), not the import.
    expect(manifest).not.toContain("FormatsToProcess");
  });

  it("exports the runtime's shell commands, each with help, and only cmdlets the runtime defines", () => {
    const runtime = readdirSync(join(root, "src", "dotnet"))
      .filter((f) => f.endsWith(".cs"))
      .map((f) => readFileSync(join(root, "src", "dotnet", f), "utf8"))
      .join("\n");
    const defined = [...runtime.matchAll(/^\s*\[Cmdlet\(Verbs\w+\.(\w+), "([\w]+)"[^\]]*\)\]/gm)].map((m) => `${m[1]}-${m[2]}`);
    // One internal helper cmdlet is called by its type, never by name, so it is not exported.
    expect(defined.filter((c) => c !== "Resolve-AWSProfileCredential").sort()).toEqual([...SHARED_COMMANDS].sort());
    const help = generate(specs, model).get("powershell/en-US/PSCognitoIdentityProvider.dll-Help.xml")!;
    for (const command of SHARED_COMMANDS) expect(help).toContain(`<command:name>${command}</command:name>`);
  });

  it("writes MAML help beside the assembly, with aliases and 1-based positions", () => {
    const help = generate(specs, model).get("powershell/en-US/PSCognitoIdentityProvider.dll-Help.xml")!;
    expect(help).toContain('pipelineInput="True (ByValue, ByPropertyName)" position="211" aliases="RegionToCall"');
    expect(help).toContain('position="212" aliases="AWSProfilesLocation, ProfilesLocation"');
    expect(help).toContain("<maml:name>Amazon.CognitoIdentityProvider.Model.CodeDeliveryDetailsType</maml:name>");
  });

  it("writes one advanced function per spec, with AWS Tools' parameter attributes, over the runtime", () => {
    const files = generate(specs, model);
    const psm1 = files.get("powershell/PSCognitoIdentityProvider.psm1")!;
    const functions = [...psm1.matchAll(/^function ([\w-]+) \{$/gm)].map((m) => m[1]);
    expect(functions).toEqual(specs.cmdlets.map((c) => c.name).sort());
    const seed = psm1.slice(psm1.indexOf("function Get-CGIPUserAttributeVerificationCode {"));
    const body = seed.slice(0, seed.indexOf("\n}\n") + 3);
    expect(psm1).toContain("# .ExternalHelp PSCognitoIdentityProvider.dll-Help.xml\nfunction Get-CGIPUserAttributeVerificationCode {\n    [CmdletBinding()]\n");
    expect(body).toContain("[OutputType('Amazon.CognitoIdentityProvider.Model.CodeDeliveryDetailsType')]");
    expect(body).toContain(
      "        [Parameter(Position = 210, ValueFromPipeline, ValueFromPipelineByPropertyName)] [Alias('RegionToCall')] [ArgumentCompleter([CmdletBridge.RegionCompleter])]\n        [object] $Region,",
    );
    expect(body).toContain("[Alias('AWSProfilesLocation', 'ProfilesLocation')]");
    expect(body).toContain("        [string] $Select = 'CodeDeliveryDetails',");
    expect(body).toContain(
      "    begin { $call = [CmdletBridge.ServiceCall]::new($PSCmdlet, 'GetUserAttributeVerificationCode') }\n" +
        "    process { $call.Process($PSBoundParameters) }\n" +
        "    end { $call.Complete() }\n}\n",
    );
    // Numbers and booleans are nullable, as AWS Tools declares them.
    expect(psm1).toMatch(/\n {8}\[Nullable\[int\]\] \$Precedence,/);
    // Signed cmdlets have the credential parameters, without positions (as in AWS Tools).
    expect(psm1).toContain("        [Parameter(ValueFromPipelineByPropertyName)] [Alias('SK', 'SecretAccessKey')] [CmdletBridge.StrictString()]\n        [string] $SecretKey,");
    expect(psm1).toContain("function Remove-CGIPUserPool {\n    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]\n");
    // Enum values complete from the module's data.
    // An enum member is typed as its constant class, and completes from the listed values.
    expect(psm1).toMatch(/\[ArgumentCompleter\(\[CmdletBridge\.ListedValuesCompleter\]\)\] \[CmdletBridge\.StrictString\(Enum\)\]\n {8}\[Amazon\.CognitoIdentityProvider\.AuthFlowType\] \$AuthFlow/);
    // A structure parameter is its model type, and hands hashtables to the bridge as given.
    expect(psm1).toMatch(/\[CmdletBridge\.ModelInput\('Amazon\.CognitoIdentityProvider\.Model\.AttributeType'\)\]\n {8}\[Amazon\.CognitoIdentityProvider\.Model\.AttributeType\[\]\] \$UserAttribute/);
  });

  it("leaves the runtime independent of which cmdlets exist: it compiles src/dotnet alone and names no cmdlet", () => {
    const project = readFileSync(join(root, "src", "dotnet", "Module.csproj"), "utf8");
    expect([...project.matchAll(/<Compile Include="([^"]+)"/g)].map((m) => m[1])).toEqual(["*.cs"]);
    const code = readdirSync(join(root, "src", "dotnet"))
      .filter((f) => f.endsWith(".cs"))
      .map((f) => readFileSync(join(root, "src", "dotnet", f), "utf8").replace(/\/\/.*$/gm, ""))
      .join("\n");
    const named = specs.cmdlets.flatMap((c) => [c.name, c.spec.operation]).filter((name) => new RegExp(`\\b${name}\\b`).test(code));
    expect(named).toEqual([]);
  });

  it("writes the runtime's data on each operation, and no compiled code but the model types", () => {
    const files = generate(specs, model);
    const csharp = [...files.keys()].filter((f) => f.endsWith(".cs"));
    expect(csharp.filter((f) => !f.startsWith("dotnet/"))).toEqual([]);
    // The model types are the service's shapes: no cmdlet is named in them.
    expect(csharp.filter((f) => /\b[A-Z][a-z]+-CGIP/.test(files.get(f)!))).toEqual([]);
    const data = JSON.parse(files.get("powershell/PSCognitoIdentityProvider.Data.json")!);
    expect(Object.keys(data.operations)).toHaveLength(specs.cmdlets.length);
    expect(data.operations.GetUserAttributeVerificationCode).toMatchObject({
      cmdlet: "Get-CGIPUserAttributeVerificationCode",
      requestType: "Amazon.CognitoIdentityProvider.Model.GetUserAttributeVerificationCodeRequest",
      select: "CodeDeliveryDetails",
      signed: false,
      input: ["AccessToken", "AttributeName", "ClientMetadata"],
      mandatory: ["AccessToken", "AttributeName"],
      sensitive: ["AccessToken"],
      stringMaps: ["ClientMetadata"],
    });
    expect(data.operations.ListUserPools.pagination).toEqual({ tokenParameter: "NextToken", nextToken: "NextToken", pageSizeParameter: "MaxResult", defaultPageSize: 50 });
    expect(data.operations.DeleteUserPool.shouldProcess).toEqual({ target: "UserPoolId" });
    expect(data.service).toMatchObject({ nounPrefix: "CGIP", endpointVariableSuffix: "COGNITO_IDENTITY_PROVIDER", cliCommand: "cognito-idp" });
    expect(data.regions["us-east-1"]).toBe("US East (N. Virginia)");
    expect(data.operations.InitiateAuth.completions.AuthFlow).toContain("USER_PASSWORD_AUTH");
  });
});

describe("npm run generate:check", () => {
  const specCopy = join(work, "specs");
  const out = join(work, "generated");
  cpSync(join(root, "specs"), specCopy, { recursive: true });

  it("passes on the repository as committed", async () => {
    const result = await runCli("--check");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("passes right after generating, and fails once a generated file is edited", async () => {
    expect((await runCli("--specs", specCopy, "--out", out)).exitCode).toBe(0);
    expect((await runCli("--check", "--specs", specCopy, "--out", out)).exitCode).toBe(0);

    const psm1 = join(out, "powershell", "PSCognitoIdentityProvider.psd1");
    writeFileSync(psm1, `${readFileSync(psm1, "utf8")}\n# hand edit\n`);
    const result = await runCli("--check", "--specs", specCopy, "--out", out);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("changed: powershell/PSCognitoIdentityProvider.psd1");
  });

  it("fails when a spec changed and generated/ did not follow, or holds extra files", async () => {
    expect((await runCli("--specs", specCopy, "--out", out)).exitCode).toBe(0);
    const spec = join(specCopy, "cmdlets", "Get-CGIPUserAttributeVerificationCode.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("select: CodeDeliveryDetails", "select: '*'"));
    writeFileSync(join(out, "handlers", "Stray.ts"), "export {};\n");
    const result = await runCli("--check", "--specs", specCopy, "--out", out);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("changed: powershell/PSCognitoIdentityProvider.psm1");
    expect(result.stderr).toContain("not generated from the specs: handlers/Stray.ts");
  });

  it("refuses invalid specs with file:line:column messages and writes nothing", async () => {
    const bad = join(work, "bad-specs");
    const badOut = join(work, "bad-out");
    cpSync(join(root, "specs"), bad, { recursive: true });
    const spec = join(bad, "cmdlets", "Get-CGIPUserAttributeVerificationCode.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("    mandatory: true", "    mandatory: maybe"));
    const result = await runCli("--specs", bad, "--out", badOut);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^bad-specs\/cmdlets\/Get-CGIPUserAttributeVerificationCode\.yaml:\d+:\d+: parameters\[0\]\.mandatory: expected a boolean/m);
    expect(() => readFileSync(join(badOut, "handlers", "index.ts"))).toThrow();
  });
});
