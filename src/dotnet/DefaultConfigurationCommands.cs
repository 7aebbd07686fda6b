using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using Amazon.Runtime;
using CmdletBridge;

// Initialize- and Clear-AWSDefaultConfiguration, as AWS.Tools.Common has them: the first
// finds credentials and a region (asking for what it cannot find), stores them in the
// 'default' profile and makes them the shell's; the second undoes that.
namespace Amazon.PowerShell.Common
{
    [Cmdlet(VerbsData.Initialize, "AWSDefaultConfiguration", DefaultParameterSetName = InstanceProfile)]
    [Alias("Initialize-AWSDefaults")]
    [OutputType("None")]
    public sealed class InitializeAWSDefaultConfigurationCmdlet : CredentialArgumentsCmdlet
    {
        private const string InstanceProfile = "InstanceProfile";
        private const string RegionOnly = "RegionOnly";
        private const string DefaultProfile = "default";

        [Parameter(ParameterSetName = BasicOrSession, Position = 210, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = AssumeRole, Position = 210, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CredentialsObject, Position = 210, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = StoredProfile, Position = 210, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = RegionOnly, Mandatory = true, Position = 210, ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public object? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord()
        {
            string command = MyInvocation.MyCommand.Name;
            // A role to assume can only be stored in a named profile (Set-AWSCredential -StoreAs).
            if (!string.IsNullOrEmpty(RoleArn)) ThrowNotFound();
            AWSPSCredentials? credentials = FindCredentials();
            if (credentials is null && !string.IsNullOrEmpty(ProfileName)) ThrowNotFound();
            if (credentials is not null) WriteVerbose($"{command}: Credentials for this shell were set from {Describe(credentials)}");

            string? region = FindRegion(out string? regionSource);
            if (region is not null) WriteVerbose($"{command}: Region '{region}' was set for this shell from {regionSource}");

            bool prompted = false;
            if (credentials is null)
            {
                credentials = PromptForKeys();
                prompted = true;
            }
            region ??= PromptForRegion();

            // What the 'default' profile gets: the credentials given (or typed in), and the region.
            string file;
            if (ParameterSetName == StoredProfile)
            {
                file = ProfileStore.Store(this, DefaultProfile, Location, null, ProfileName, region);
            }
            else if (prompted || ParameterSetName == BasicOrSession || ParameterSetName == CredentialsObject)
            {
                (ImmutableCredentials? keys, string? profile) = StorableForm(credentials.Credentials);
                file = ProfileStore.Store(this, DefaultProfile, Location, keys, profile, region);
            }
            else
            {
                // Credentials found on the way (the shell's, the environment's, a profile's) stay where they are.
                file = ProfileStore.Store(this, DefaultProfile, Location, null, null, region);
            }
            WriteVerbose($"Updated credential file at {file}.");
            WriteVerbose("Default credentials and/or region have been stored to credentials profile 'default' and set active for this shell.");

            SessionVariables.Set(this, "StoredAWSCredentials", credentials);
            SessionVariables.Set(this, "StoredAWSRegion", region);
        }

        /// <summary>-Region, $StoredAWSRegion, the default profile's region, then AWS_REGION.</summary>
        private string? FindRegion(out string? source)
        {
            if (Region is not null)
            {
                string name = RegionNames.ConvertToName(Region);
                RegionNames.Assert(this, name, "-Region");
                source = "region parameter";
                return name;
            }
            if (SessionState.PSVariable.GetValue("StoredAWSRegion") is string stored && stored.Length > 0)
            {
                source = "shell variable $StoredAWSRegion";
                return stored;
            }
            if (ProfileStore.Describe(this, DefaultProfile, Location).Region is string saved && saved.Length > 0)
            {
                source = "stored region";
                return saved;
            }
            if (Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } environment)
            {
                RegionNames.Assert(this, environment, "the AWS_REGION environment variable");
                source = "Environment";
                return environment;
            }
            source = null;
            return null;
        }

        private AWSPSCredentials PromptForKeys()
        {
            var fields = new Collection<FieldDescription>
            {
                new FieldDescription("AWS Access Key"),
                new FieldDescription("AWS Secret Key") { IsMandatory = true },
            };
            fields[1].SetParameterType(typeof(System.Security.SecureString));
            var answers = Prompt("Credentials", "Please enter your AWS Access and Secret Keys", fields,
                "No credentials specified or obtained from persisted/shell defaults. Give -AccessKey and -SecretKey, or -ProfileName.");
            string accessKey = Answer(answers, "AWS Access Key");
            string secretKey = Answer(answers, "AWS Secret Key");
            if (accessKey.Length == 0) CmdletErrors.ThrowArgument(this, "AccessKey", "AWS Access Key is not set");
            if (secretKey.Length == 0) CmdletErrors.ThrowArgument(this, "SecretKey", "AWS Secret Key is not set");
            return new AWSPSCredentials(new BasicAWSCredentials(accessKey, secretKey), DefaultProfile, CredentialsSource.Strings);
        }

        private string PromptForRegion()
        {
            var answers = Prompt("Region", "Please enter a region to set", new Collection<FieldDescription> { new FieldDescription("Region System Name") },
                "No region specified or obtained from persisted/shell defaults. Give -Region.");
            string region = Answer(answers, "Region System Name");
            if (region.Length == 0) CmdletErrors.ThrowArgument(this, "Region", "Region System Name is not set");
            RegionNames.Assert(this, region, "-Region");
            return region;
        }

        /// <summary>Asks the user; a host that cannot ask (pwsh -NonInteractive) gets the error instead.</summary>
        private System.Collections.Generic.Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> fields, string whenNonInteractive)
        {
            try
            {
                return Host.UI.Prompt(caption, message, fields);
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is NotImplementedException || e is HostException)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(whenNonInteractive), "InvalidOperationException", ErrorCategory.InvalidOperation, this));
                throw;
            }
        }

        private static string Answer(System.Collections.Generic.Dictionary<string, PSObject> answers, string field)
        {
            if (!answers.TryGetValue(field, out PSObject? value) || value is null) return "";
            if (value.BaseObject is System.Security.SecureString secure) return new System.Net.NetworkCredential("", secure).Password;
            return (value.BaseObject?.ToString() ?? "").Trim();
        }
    }

    // ShouldProcess, which AWS Tools' has not: -WhatIf shows which profiles would be removed
    // from the shared files. ConfirmImpact Medium, so scripts written for AWS Tools never prompt.
    [Cmdlet(VerbsCommon.Clear, "AWSDefaultConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Clear-AWSDefaults")]
    [OutputType("None")]
    public sealed class ClearAWSDefaultConfigurationCmdlet : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter SkipShell { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter SkipProfileStore { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord()
        {
            bool scoped = MyInvocation.BoundParameters.ContainsKey(nameof(Scope));
            if (SkipShell.IsPresent && scoped) CmdletErrors.ThrowArgument(this, "Scope", "Parameters Scope and SkipShell cannot be used together.");
            if (!SkipProfileStore.IsPresent)
            {
                WriteWarning("Please use the Remove-AWSCredentialProfile cmdlet to delete the default profile.  This functionality will be removed from this cmdlet in a future release.");
                string? location = ProfilePaths.Resolve(this, ProfileLocation);
                foreach (string name in new[] { "default", "AWS PS Default" })
                {
                    if (!ShouldProcess($"profile '{name}' in {ProfileStore.Files(this, location)}", "Remove")) continue;
                    foreach (string file in ProfileStore.Remove(this, name, location)) WriteVerbose($"Removed profile '{name}' from {file}.");
                }
            }
            if (!SkipShell.IsPresent && ShouldProcess("$StoredAWSCredentials and $StoredAWSRegion", "Clear"))
            {
                SessionVariables.Set(this, "StoredAWSCredentials", null);
                SessionVariables.Set(this, "StoredAWSRegion", null);
            }
        }
    }
}
