// Help for the runtime's session commands (src/dotnet), which have no specs: AWS.Tools.Common's
// commands as this module provides them. help.ts writes it into the MAML file beside the
// generated cmdlets' help, and fails when a command the manifest exports has none here.
import type { EmittedParameter } from "./powershell.js";

export interface SessionCommand {
  name: string;
  synopsis: string;
  description: string;
  parameters: EmittedParameter[];
  output?: string;
  examples: { code: string; remarks: string }[];
}

const SCOPE = (what: string): EmittedParameter => ({
  name: "Scope",
  psType: "Amazon.PowerShell.Common.VariableScope",
  help:
    `${what} Global, Local, Script or Private. Without it the variable is set in the caller's current scope, as AWS Tools ` +
    "sets it: global at the prompt, the script's own scope inside a script.",
});

const PROFILE_LOCATION: EmittedParameter = {
  name: "ProfileLocation",
  psType: "string",
  byPropertyName: true,
  aliases: ["AWSProfilesLocation", "ProfilesLocation"],
  help:
    "A shared credentials file (ini format) to use instead of the shared credentials and config files " +
    "(~/.aws/credentials and ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE).",
};

const KEY_PARAMETERS: EmittedParameter[] = [
  { name: "AccessKey", psType: "string", byPropertyName: true, aliases: ["AK"], help: "An AWS access key id; give -SecretKey too." },
  { name: "SecretKey", psType: "string", byPropertyName: true, aliases: ["SK", "SecretAccessKey"], help: "The secret access key of -AccessKey. It is never shown or logged." },
  { name: "SessionToken", psType: "string", byPropertyName: true, aliases: ["ST"], help: "The session token of temporary credentials." },
];

const CREDENTIAL_PARAMETERS: EmittedParameter[] = [
  ...KEY_PARAMETERS,
  { name: "RoleArn", psType: "string", byPropertyName: true, help: "A role to assume with -SourceProfile's credentials (with -StoreAs: written as role_arn)." },
  { name: "SourceProfile", psType: "string", byPropertyName: true, help: "The profile whose credentials assume -RoleArn." },
  { name: "ExternalID", psType: "string", byPropertyName: true, help: "The external id the role requires, if any." },
  { name: "MfaSerial", psType: "string", byPropertyName: true, help: "The MFA device the role requires, if any." },
  {
    name: "ProfileName",
    psType: "string",
    position: 200,
    byPropertyName: true,
    aliases: ["StoredCredentials", "AWSProfileName"],
    help: "A profile of the shared credentials and config files (static keys, a role, SSO or credential_process).",
  },
  { ...PROFILE_LOCATION, position: 201 },
  {
    name: "Credential",
    psType: "object",
    helpType: "Amazon.Runtime.AWSCredentials",
    byValue: true,
    byPropertyName: true,
    help: "A credentials object, such as New-AWSCredential, Get-AWSCredential or New-Object Amazon.Runtime.BasicAWSCredentials return.",
  },
  { name: "NetworkCredential", psType: "object", helpType: "System.Management.Automation.PSCredential", byPropertyName: true, help: "SAML role profiles are not supported by this module: giving it is an error." },
];

const NOT_PROVIDED = (name: string, instead: string): SessionCommand => ({
  name,
  synopsis: `Not provided by this module: ${instead}`,
  description: `${name} exists so that a script calling it gets one clear error instead of "not recognized". ${instead}`,
  parameters: [],
  examples: [],
});

const SSO = "sign in with the AWS CLI (aws configure sso, then aws sso login --profile <name>) and use the profile.";
const SAML = "use a role profile (role_arn and source_profile), credential_process or SSO instead.";
const LOGGING = "use -Verbose, -Debug or $AWSHistory instead.";

export const SESSION_COMMANDS: SessionCommand[] = [
  {
    name: "Clear-DefaultAWSRegion",
    synopsis: "Clears the shell's default region ($StoredAWSRegion).",
    description: "Sets the $StoredAWSRegion variable that Set-DefaultAWSRegion set to $null, so that cmdlets go on down the region chain.",
    parameters: [SCOPE("The scope of the $StoredAWSRegion variable to clear:")],
    examples: [
      { code: "Clear-DefaultAWSRegion", remarks: "Clears the default region." },
      { code: "Clear-DefaultAWSRegion -Scope Global", remarks: "Clears the global default region, from inside a script or function." },
    ],
  },
  {
    name: "Get-DefaultAWSRegion",
    synopsis: "Returns the region set with Set-DefaultAWSRegion, if any.",
    description: "Returns the shell's default region ($StoredAWSRegion) as an object with Region, Name and IsShellDefault properties, or nothing when no default region is set.",
    parameters: [],
    output: "Amazon.PowerShell.Common.AWSRegion",
    examples: [
      { code: "Get-DefaultAWSRegion", remarks: "Shows the default region and its description." },
      { code: "(Get-DefaultAWSRegion).Region", remarks: "The region's system name, such as eu-west-1." },
    ],
  },
  {
    name: "Set-DefaultAWSRegion",
    synopsis: "Sets the region the cmdlets use when -Region is not given ($StoredAWSRegion).",
    description: "Stores a region name in the $StoredAWSRegion shell variable, which cmdlets of this module (and of AWS Tools for PowerShell) use when they are called without -Region.",
    parameters: [
      {
        name: "Region",
        psType: "object",
        mandatory: true,
        position: 0,
        byValue: true,
        byPropertyName: true,
        aliases: ["RegionToCall"],
        help: "The system name of a region, such as us-east-1, or an object with a Region property (such as Get-AWSRegion writes).",
      },
      SCOPE("The scope of the $StoredAWSRegion variable:"),
    ],
    examples: [
      { code: "Set-DefaultAWSRegion -Region eu-west-1", remarks: "Cmdlets called without -Region now call eu-west-1." },
      { code: "Set-DefaultAWSRegion us-east-1 -Scope Global", remarks: "Sets the default region for the whole session, also from inside a script." },
    ],
  },
  {
    name: "Get-AWSRegion",
    synopsis: "Lists the AWS regions, or describes one.",
    description:
      "Writes an AWSRegion object (Region, Name, IsShellDefault) for each region the AWS SDK for JavaScript knows: by default the " +
      "public ones without China; -IncludeChina and -IncludeGovCloud add those partitions, -GovCloudOnly lists GovCloud only. " +
      "IsShellDefault is true for $StoredAWSRegion. An AWSRegion binds to -Region as its system name.",
    parameters: [
      { name: "SystemName", psType: "string", position: 0, byValue: true, byPropertyName: true, help: "One region's system name, such as us-west-2: only that region is written (Name is Unknown for a name the SDK does not know)." },
      { name: "IncludeChina", psType: "switch", byPropertyName: true, help: "Include the China regions." },
      { name: "IncludeGovCloud", psType: "switch", byPropertyName: true, help: "Include the AWS GovCloud (US) regions." },
      { name: "GovCloudOnly", psType: "switch", byPropertyName: true, help: "List the AWS GovCloud (US) regions only." },
    ],
    output: "Amazon.PowerShell.Common.AWSRegion",
    examples: [
      { code: "Get-AWSRegion", remarks: "Lists the public regions." },
      { code: "Get-AWSRegion -SystemName eu-west-1", remarks: "Describes one region." },
    ],
  },
  {
    name: "Set-AWSHistoryConfiguration",
    synopsis: "Sets how much $AWSHistory keeps, and whether it records requests.",
    description:
      "$AWSHistory keeps the last cmdlet invocations (newest first) and, for each, the responses of its service calls. Requests are " +
      "recorded only with -RecordServiceRequests, and then without sensitive values such as access tokens unless -IncludeSensitiveData is also given.",
    parameters: [
      { name: "MaxCmdletHistory", psType: "int", help: "How many cmdlet invocations to keep (default 5). 0 turns the history off and clears it." },
      { name: "MaxServiceCallHistory", psType: "int", help: "How many service calls to keep for each invocation (default 5; at least 1)." },
      { name: "RecordServiceRequests", psType: "switch", help: "Record each request as well as its response." },
      { name: "IncludeSensitiveData", psType: "switch", help: "Keep sensitive values (such as -AccessToken) in recorded requests instead of redacting them." },
    ],
    examples: [
      { code: "Set-AWSHistoryConfiguration -MaxCmdletHistory 20 -RecordServiceRequests", remarks: "Keeps the last 20 invocations, with their requests." },
      { code: "Set-AWSHistoryConfiguration -MaxCmdletHistory 0", remarks: "Turns the history off and clears it." },
    ],
  },
  {
    name: "Set-AWSCredential",
    synopsis: "Sets the shell's credentials ($StoredAWSCredentials), or stores credentials in a profile (-StoreAs).",
    description:
      "Without -StoreAs, the credentials found from the parameters (keys, -ProfileName, -Credential; with none of them, the shell's, " +
      "the environment's or the default profile's) become the shell's: every signed cmdlet called without credential parameters uses " +
      "them. A profile is kept by name and read by each call, so rotated keys and SSO refreshes apply. With -StoreAs, they are " +
      "written into that profile of the shared credentials file (or -ProfileLocation), which the AWS CLI and SDKs read too, and the " +
      "shell's credentials are left as they are. Writing changes only that profile's credential keys: other profiles, comments and " +
      "other keys stay; a new file is readable by its owner only, and the file is replaced atomically. Alias: Set-AWSCredentials.",
    parameters: [...CREDENTIAL_PARAMETERS, { name: "StoreAs", psType: "string", byPropertyName: true, help: "The profile to write the credentials into." }, SCOPE("The scope of $StoredAWSCredentials (not with -StoreAs):")],
    examples: [
      { code: "Set-AWSCredential -AccessKey $ak -SecretKey $sk -StoreAs build", remarks: "Writes the keys into profile 'build' of ~/.aws/credentials." },
      { code: "Set-AWSCredential -ProfileName build", remarks: "Signed cmdlets now use profile 'build'." },
    ],
  },
  {
    name: "Get-AWSCredential",
    synopsis: "Returns the shell's credentials or a profile's, or lists the profiles.",
    description:
      "With no parameters, returns the credentials $StoredAWSCredentials holds. -ProfileName returns a profile's credentials " +
      "(BasicAWSCredentials or SessionAWSCredentials for keys; for a role, SSO or process profile an object that resolves them in " +
      "GetCredentials()). -ListProfileDetail lists every profile of the shared files (ProfileName, StoreTypeName, ProfileLocation), " +
      "as the AWS CLI sees them; -ListProfile lists their names. Alias: Get-AWSCredentials.",
    parameters: [
      { name: "ProfileName", psType: "string", position: 1, byPropertyName: true, aliases: ["StoredCredentials"], help: "The profile to return the credentials of." },
      PROFILE_LOCATION,
      { name: "ListProfile", psType: "switch", byPropertyName: true, aliases: ["ListStoredCredentials", "ListProfiles"], help: "List the profiles' names (deprecated in AWS Tools: use -ListProfileDetail)." },
      { name: "ListProfileDetail", psType: "switch", byPropertyName: true, help: "List the profiles with their store type and file." },
    ],
    output: "Amazon.Runtime.AWSCredentials",
    examples: [
      { code: "Get-AWSCredential -ListProfileDetail", remarks: "Lists the profiles." },
      { code: "(Get-AWSCredential -ProfileName build).GetCredentials().AccessKey", remarks: "The access key id of profile 'build'." },
    ],
  },
  {
    name: "Clear-AWSCredential",
    synopsis: "Clears the shell's credentials ($StoredAWSCredentials).",
    description: "Sets $StoredAWSCredentials to $null; no profile is changed. Alias: Clear-AWSCredentials.",
    parameters: [{ ...PROFILE_LOCATION, help: "Accepted for AWS Tools' scripts; it changes nothing." }, SCOPE("The scope of the variable to clear:")],
    examples: [{ code: "Clear-AWSCredential", remarks: "Signed cmdlets go back to the environment and the default profile." }],
  },
  {
    name: "New-AWSCredential",
    synopsis: "Returns a credentials object, without storing it.",
    description: "Finds credentials as Set-AWSCredential does and returns them, for -Credential. Alias: New-AWSCredentials.",
    parameters: CREDENTIAL_PARAMETERS,
    output: "Amazon.Runtime.AWSCredentials",
    examples: [{ code: "$c = New-AWSCredential -AccessKey $ak -SecretKey $sk; Get-CGIPUserPoolList -Credential $c", remarks: "Calls with those keys." }],
  },
  {
    name: "Remove-AWSCredentialProfile",
    synopsis: "Removes a profile from the shared credentials and config files.",
    description:
      "Removes the profile's section from the credentials file and the config file (or from -ProfileLocation), leaving every other " +
      "line as it was. It asks first (ConfirmImpact High) unless -Force or -Confirm:$false is given.",
    parameters: [
      { name: "ProfileName", psType: "string", mandatory: true, position: 1, byPropertyName: true, aliases: ["StoredCredentials"], help: "The profile to remove (its name, matched exactly)." },
      { ...PROFILE_LOCATION, position: 2 },
      { name: "Force", psType: "switch", byPropertyName: true, help: "Remove without asking." },
    ],
    examples: [{ code: "Remove-AWSCredentialProfile -ProfileName old -Force", remarks: "Removes profile 'old'." }],
  },
  {
    name: "Initialize-AWSDefaultConfiguration",
    synopsis: "Stores credentials and a region in the 'default' profile and makes them the shell's.",
    description:
      "Finds credentials (the parameters, else the shell's, the environment's or the default profile's) and a region (-Region, " +
      "$StoredAWSRegion, the default profile's, AWS_REGION), asks for what it cannot find, writes them into the 'default' profile " +
      "(keys or a copy of -ProfileName's credentials, and the region) and sets $StoredAWSCredentials and $StoredAWSRegion. " +
      "Alias: Initialize-AWSDefaults.",
    parameters: [
      ...CREDENTIAL_PARAMETERS,
      { name: "Region", psType: "object", position: 210, byPropertyName: true, aliases: ["RegionToCall"], help: "The region to store and use, such as eu-west-1." },
      SCOPE("The scope of $StoredAWSCredentials and $StoredAWSRegion:"),
    ],
    examples: [{ code: "Initialize-AWSDefaultConfiguration -ProfileName build -Region eu-west-1", remarks: "Profile 'build' and eu-west-1 become the defaults." }],
  },
  {
    name: "Clear-AWSDefaultConfiguration",
    synopsis: "Clears the shell's credentials and region, and removes the 'default' profile.",
    description:
      "As in AWS Tools: removes the 'default' (and 'AWS PS Default') profiles from the shared files unless -SkipProfileStore is " +
      "given, and sets $StoredAWSCredentials and $StoredAWSRegion to $null unless -SkipShell is given. -WhatIf shows which " +
      "profiles it would remove and removes none. Alias: Clear-AWSDefaults.",
    parameters: [
      { name: "SkipShell", psType: "switch", byPropertyName: true, help: "Leave the shell's variables as they are." },
      { name: "SkipProfileStore", psType: "switch", byPropertyName: true, help: "Leave the profiles as they are." },
      PROFILE_LOCATION,
      SCOPE("The scope of the variables to clear:"),
    ],
    examples: [{ code: "Clear-AWSDefaultConfiguration -SkipProfileStore", remarks: "Clears the shell's defaults only." }],
  },
  {
    name: "Set-AWSProxy",
    synopsis: "Sends the cmdlets' requests through a proxy ($AWSProxy).",
    description:
      "Every call made after it goes through the proxy, with its credentials when given (never shown or logged), except for URLs a " +
      "-BypassList expression matches and, with -BypassOnLocal, local hosts. Without it, the HTTPS_PROXY, HTTP_PROXY and NO_PROXY " +
      "environment variables apply, as for the AWS CLI.",
    parameters: [
      { name: "Hostname", psType: "string", mandatory: true, position: 0, byPropertyName: true, help: "The proxy's host name or address." },
      { name: "Port", psType: "int", mandatory: true, position: 1, byPropertyName: true, help: "The proxy's port." },
      { name: "Username", psType: "string", position: 2, byPropertyName: true, help: "The user name to give the proxy." },
      { name: "Password", psType: "string", position: 3, byPropertyName: true, help: "The password to give the proxy." },
      { name: "Credential", psType: "object", helpType: "System.Net.ICredentials", position: 4, byPropertyName: true, aliases: ["Credentials"], help: "The proxy's credentials: a NetworkCredential or a PSCredential." },
      { name: "BypassList", psType: "string[]", byPropertyName: true, help: "Regular expressions: a request URL one matches does not use the proxy." },
      { name: "BypassOnLocal", psType: "switch", byPropertyName: true, help: "Local hosts (no dots, localhost, loopback addresses) do not use the proxy." },
      SCOPE("The scope of $AWSProxy:"),
    ],
    examples: [{ code: "Set-AWSProxy -Hostname proxy.example.com -Port 3128 -Credential (Get-Credential)", remarks: "Calls go through the proxy." }],
  },
  {
    name: "Clear-AWSProxy",
    synopsis: "Stops sending requests through the shell's proxy.",
    description: "Sets $AWSProxy to $null; the proxy environment variables apply again.",
    parameters: [SCOPE("The scope of $AWSProxy:")],
    examples: [{ code: "Clear-AWSProxy", remarks: "Calls connect directly again." }],
  },
  {
    name: "Get-AWSService",
    synopsis: "Describes the service this module's cmdlets call.",
    description: "Writes Service, CmdletNounPrefix, ModuleName, SDKAssemblyVersion (the AWS SDK for JavaScript client's version) and ServiceName.",
    parameters: [{ name: "Service", psType: "string", position: 0, byValue: true, byPropertyName: true, help: "The noun prefix (CGIP), the AWS CLI command (cognito-idp), or a regular expression over the service's names." }],
    output: "System.Management.Automation.PSObject",
    examples: [{ code: "Get-AWSService cognito", remarks: "Describes Amazon Cognito Identity Provider." }],
  },
  {
    name: "Get-AWSCmdletName",
    synopsis: "Finds the cmdlet for an operation, an AWS CLI command or a name.",
    description:
      "Writes CmdletName, ServiceOperation, ServiceName and ModuleName for each matching cmdlet. -ApiOperation and -CmdletName match " +
      "whole names without regard to case, or as regular expressions with -MatchWithRegex.",
    parameters: [
      { name: "ApiOperation", psType: "string", position: 0, byValue: true, byPropertyName: true, help: "An operation name, such as ListUsers." },
      { name: "CmdletName", psType: "string", byPropertyName: true, help: "A cmdlet name, such as Get-CGIPUserList." },
      { name: "MatchWithRegex", psType: "switch", byPropertyName: true, help: "Take -ApiOperation and -CmdletName as regular expressions." },
      { name: "Service", psType: "string", byPropertyName: true, help: "Restrict the search to a service (noun prefix, AWS CLI command or name)." },
      { name: "AwsCliCommand", psType: "string", byPropertyName: true, help: "An AWS CLI command, such as 'aws cognito-idp list-users'." },
    ],
    output: "System.Management.Automation.PSObject",
    examples: [{ code: "Get-AWSCmdletName -AwsCliCommand 'aws cognito-idp list-users'", remarks: "Get-CGIPUserList." }],
  },
  {
    name: "Get-AWSPowerShellVersion",
    synopsis: "Shows this module's version and the AWS SDK it runs.",
    description: "Writes a text with the module's version, the AWS SDK for JavaScript client's version and Node.js's; -ListServiceVersionInfo adds the service.",
    parameters: [{ name: "ListServiceVersionInfo", psType: "switch", byPropertyName: true, aliases: ["ListServices"], help: "Also write the service, its noun prefix and SDK version." }],
    output: "System.String",
    examples: [{ code: "Get-AWSPowerShellVersion", remarks: "Shows the versions." }],
  },
  {
    name: "Set-AWSAutoIterationMode",
    synopsis: "Sets whether list cmdlets fetch every page (standard) or one (v4).",
    description: "Sets $AWSPowerShell_AutoIteration_Mode, which list cmdlets read at each call.",
    parameters: [
      { name: "IterationMode", psType: "string", mandatory: true, position: 0, byPropertyName: true, help: "standard (every page, the default) or v4 (one page)." },
      SCOPE("The scope of the variable:"),
    ],
    examples: [{ code: "Set-AWSAutoIterationMode v4", remarks: "List cmdlets make one call each." }],
  },
  {
    name: "Get-AWSAutoIterationMode",
    synopsis: "Returns the auto-iteration mode: standard or v4.",
    description: "Returns $AWSPowerShell_AutoIteration_Mode, or standard when it is not set.",
    parameters: [],
    output: "System.String",
    examples: [{ code: "Get-AWSAutoIterationMode", remarks: "standard" }],
  },
  {
    name: "Set-AWSSensitiveDataConfiguration",
    synopsis: "Sets $AWSPowerShell_Show_Sensitive_Data, for AWS Tools' scripts.",
    description: "This module keeps sensitive parameters out of its messages either way; the setting is stored for scripts that read it back.",
    parameters: [
      { name: "ShowSensitiveData", psType: "bool", mandatory: true, position: 0, byPropertyName: true, help: "$true or $false." },
      SCOPE("The scope of the variable:"),
    ],
    examples: [{ code: "Set-AWSSensitiveDataConfiguration -ShowSensitiveData $false", remarks: "Stores the setting." }],
  },
  {
    name: "Get-AWSSensitiveDataConfiguration",
    synopsis: "Returns the ShowSensitiveData setting.",
    description: "Returns an object with ShowSensitiveData ($false unless set).",
    parameters: [],
    output: "System.Management.Automation.PSObject",
    examples: [{ code: "(Get-AWSSensitiveDataConfiguration).ShowSensitiveData", remarks: "$false" }],
  },
  NOT_PROVIDED("Invoke-AWSSSOLogin", SSO),
  NOT_PROVIDED("Invoke-AWSSSOLogout", "sign out with the AWS CLI (aws sso logout)."),
  NOT_PROVIDED("Initialize-AWSSSOConfiguration", "configure SSO with the AWS CLI (aws configure sso)."),
  NOT_PROVIDED("Set-AWSSSOSessionConfiguration", "configure SSO with the AWS CLI (aws configure sso-session)."),
  NOT_PROVIDED("Set-AWSSamlEndpoint", SAML),
  NOT_PROVIDED("Set-AWSSamlRoleProfile", SAML),
  NOT_PROVIDED("Add-AWSLoggingListener", LOGGING),
  NOT_PROVIDED("Remove-AWSLoggingListener", LOGGING),
  NOT_PROVIDED("Set-AWSResponseLogging", LOGGING),
  NOT_PROVIDED("Enable-AWSMetricsLogging", LOGGING),
  NOT_PROVIDED("Disable-AWSMetricsLogging", LOGGING),
  NOT_PROVIDED("Get-AWSPublicIpAddressRange", "read https://ip-ranges.amazonaws.com/ip-ranges.json with Invoke-RestMethod."),
];
