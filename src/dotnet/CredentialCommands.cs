using System;
using System.Collections.Generic;
using System.Management.Automation;
using Amazon.Runtime;
using CmdletBridge;

// AWS.Tools.Common's credential commands, with its names, parameter sets and aliases:
// Set-, Get-, Clear- and New-AWSCredential and Remove-AWSCredentialProfile. Profiles live in
// the shared credentials and config files on every platform (AWS Tools' default store on
// Windows is the .NET SDK's encrypted file, which this module does not use); the bridge reads
// and writes them (ProfileStore).
namespace Amazon.PowerShell.Common
{
    /// <summary>
    /// The credential parameter sets of Set-, New-AWSCredential and Initialize-AWSDefaultConfiguration,
    /// and the search AWS Tools runs over them (TryGetCredentials).
    /// </summary>
    public abstract class CredentialArgumentsCmdlet : PSCmdlet
    {
        protected const string BasicOrSession = "BasicOrSession";
        protected const string AssumeRole = "AssumeRole";
        protected const string CredentialsObject = "AWSCredentialsObject";
        protected const string StoredProfile = "StoredProfile";

        [Parameter(ParameterSetName = BasicOrSession, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        [Parameter(ParameterSetName = BasicOrSession, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter(ParameterSetName = BasicOrSession, ValueFromPipelineByPropertyName = true)]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        [Parameter(ParameterSetName = AssumeRole, ValueFromPipelineByPropertyName = true)]
        public string? ExternalID { get; set; }

        [Parameter(ParameterSetName = AssumeRole, ValueFromPipelineByPropertyName = true)]
        public string? MfaSerial { get; set; }

        [Parameter(ParameterSetName = AssumeRole, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string? RoleArn { get; set; }

        [Parameter(ParameterSetName = AssumeRole, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string? SourceProfile { get; set; }

        [Parameter(ParameterSetName = StoredProfile, Mandatory = true, Position = 200, ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        public string? ProfileName { get; set; }

        [Parameter(Position = 201, ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public virtual string? ProfileLocation { get; set; }

        [Parameter(ParameterSetName = CredentialsObject, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public AWSCredentials? Credential { get; set; }

        /// <summary>SAML role profiles: not provided by this module (see docs/session-commands.md, Not provided).</summary>
        [Parameter(ParameterSetName = StoredProfile, ValueFromPipelineByPropertyName = true)]
        public PSCredential? NetworkCredential { get; set; }

        protected bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        protected string? Location => ProfilePaths.Resolve(this, ProfileLocation);

        /// <summary>
        /// AWS Tools' search: the parameters given, -ProfileName (not found: nothing, no
        /// fall-through), -Credential, $StoredAWSCredentials, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
        /// the profile AWS_PROFILE names, then the 'default' profile. Container and instance
        /// credentials are left to the call, where the AWS SDK's chain finds them.
        /// </summary>
        protected AWSPSCredentials? FindCredentials()
        {
            if (NetworkCredential is not null)
            {
                CmdletErrors.ThrowArgument(this, "NetworkCredential", "SAML role profiles (-NetworkCredential) are not supported by this module; use a profile with role_arn and source_profile, SSO, or credential_process instead.");
            }
            if (!string.IsNullOrEmpty(AccessKey) && !string.IsNullOrEmpty(SecretKey))
            {
                AWSCredentials keys = string.IsNullOrEmpty(SessionToken)
                    ? new BasicAWSCredentials(AccessKey, SecretKey)
                    : new SessionAWSCredentials(AccessKey, SecretKey, SessionToken);
                return new AWSPSCredentials(keys, "Supplied Key Parameters", CredentialsSource.Strings);
            }
            if (!string.IsNullOrEmpty(RoleArn)) return null;
            if (!string.IsNullOrEmpty(ProfileName)) return FromProfile(ProfileName, Location);
            if (Credential is not null) return new AWSPSCredentials(Credential, "Credentials Object", CredentialsSource.CredentialsObject);
            if (SessionState.PSVariable.GetValue("StoredAWSCredentials") is AWSPSCredentials stored) return stored;
            if (CmdletBridge.Credentials.FromEnvironment() is ImmutableCredentials environment)
            {
                AWSCredentials keys = environment.UseToken
                    ? new SessionAWSCredentials(environment.AccessKey, environment.SecretKey, environment.Token)
                    : new BasicAWSCredentials(environment.AccessKey, environment.SecretKey);
                return new AWSPSCredentials(keys, "Environment Variables", CredentialsSource.Environment);
            }
            string? envProfile = Environment.GetEnvironmentVariable("AWS_PROFILE");
            if (!string.IsNullOrEmpty(envProfile) && FromProfile(envProfile, Location) is AWSPSCredentials named) return named;
            return FromProfile("default", Location);
        }

        /// <summary>A profile's credentials, kept as a reference that the bridge resolves at each call.</summary>
        protected AWSPSCredentials? FromProfile(string name, string? location)
        {
            if (!ProfileStore.Describe(this, name, location).Exists) return null;
            return new AWSPSCredentials(new ProfileAWSCredentials(name, location), name, CredentialsSource.Profile);
        }

        /// <summary>AWS Tools' error when the search found nothing.</summary>
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        protected void ThrowNotFound()
        {
            string detail = !string.IsNullOrEmpty(ProfileName)
                ? $" There is no profile named '{ProfileName}' in {ProfileStore.Files(this, Location)}."
                : !string.IsNullOrEmpty(RoleArn)
                    ? " Role credentials (-RoleArn, -SourceProfile) can only be stored in a profile: add -StoreAs, then use -ProfileName."
                    : "";
            CmdletErrors.ThrowArgument(this, "ProfileName", "Cannot determine credentials from supplied parameters." + detail);
        }

        /// <summary>How AWS Tools words a credentials source in -Verbose.</summary>
        protected static string Describe(AWSPSCredentials credentials) => credentials.Source switch
        {
            CredentialsSource.CredentialsObject => "supplied credentials object",
            CredentialsSource.Profile => $"stored profile named '{credentials.Name}'",
            CredentialsSource.Session => "shell variable $StoredAWSCredentials",
            CredentialsSource.Strings => "the supplied key parameters",
            _ => credentials.Source.ToString(),
        };

        /// <summary>The keys of a credentials object that can be stored in a profile, or the profile it refers to.</summary>
        protected (ImmutableCredentials? keys, string? profile) StorableForm(AWSCredentials credentials)
        {
            if (credentials is ProfileAWSCredentials profile) return (null, profile.ProfileName);
            return (credentials.GetCredentials(), null);
        }
    }

    [Cmdlet(VerbsCommon.Set, "AWSCredential")]
    [Alias("Set-AWSCredentials")]
    [OutputType("None")]
    public sealed class SetAWSCredentialCmdlet : CredentialArgumentsCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? StoreAs { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord()
        {
            if (!string.IsNullOrEmpty(StoreAs))
            {
                if (Bound(nameof(Scope))) CmdletErrors.ThrowArgument(this, "Scope", "Parameters Scope and StoreAs cannot be used together.");
                Store(StoreAs);
                return;
            }
            AWSPSCredentials? credentials = FindCredentials();
            if (credentials is null) ThrowNotFound();
            WriteVerbose($"Credentials loaded from {Describe(credentials)}.");
            SessionVariables.Set(this, "StoredAWSCredentials", credentials);
        }

        /// <summary>-StoreAs: writes the profile and leaves the shell's credentials as they are, as AWS Tools does.</summary>
        private void Store(string name)
        {
            string file;
            if (!string.IsNullOrEmpty(RoleArn))
            {
                file = ProfileStore.StoreRole(this, name, Location, RoleArn, SourceProfile!, ExternalID, MfaSerial);
            }
            else if (ParameterSetName == StoredProfile)
            {
                file = ProfileStore.Store(this, name, Location, null, ProfileName, null);
            }
            else
            {
                AWSPSCredentials? credentials = FindCredentials();
                if (credentials is null) ThrowNotFound();
                (ImmutableCredentials? keys, string? profile) = StorableForm(credentials.Credentials);
                file = ProfileStore.Store(this, name, Location, keys, profile, null);
            }
            WriteVerbose($"Updated shared credentials file at {file}.");
        }
    }

    [Cmdlet(VerbsCommon.New, "AWSCredential")]
    [Alias("New-AWSCredentials")]
    [OutputType(typeof(AWSCredentials))]
    public sealed class NewAWSCredentialCmdlet : CredentialArgumentsCmdlet
    {
        protected override void ProcessRecord()
        {
            AWSPSCredentials? credentials = FindCredentials();
            if (credentials is null) ThrowNotFound();
            WriteVerbose($"Credentials loaded from {Describe(credentials)}.");
            WriteObject(credentials.Credentials);
        }
    }

    [Cmdlet(VerbsCommon.Get, "AWSCredential", DefaultParameterSetName = ShellSet)]
    [Alias("Get-AWSCredentials")]
    [OutputType(typeof(AWSCredentials), typeof(string), typeof(ProfileInfo))]
    public sealed class GetAWSCredentialCmdlet : PSCmdlet
    {
        private const string ShellSet = "Shell";
        private const string SingleProfile = "SingleProfile";
        private const string ListName = "ListName";
        private const string ListDetail = "ListDetail";

        [Parameter(ParameterSetName = SingleProfile, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials")]
        public string? ProfileName { get; set; }

        [Parameter(ParameterSetName = SingleProfile, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ListName, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ListDetail, ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter(ParameterSetName = ListName, ValueFromPipelineByPropertyName = true)]
        [Alias("ListStoredCredentials", "ListProfiles")]
        public SwitchParameter ListProfile { get; set; }

        [Parameter(ParameterSetName = ListDetail, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter ListProfileDetail { get; set; }

        protected override void ProcessRecord()
        {
            string? location = ProfilePaths.Resolve(this, ProfileLocation);
            switch (ParameterSetName)
            {
                case ListName:
                    WriteWarning("The ListProfile switch is deprecated and will be removed from a future release.  Please use ListProfileDetail instead.");
                    foreach (ProfileInfo profile in ProfileStore.List(this, location)) WriteObject(profile.ProfileName);
                    break;
                case ListDetail:
                    WriteObject(ProfileStore.List(this, location), true);
                    break;
                case SingleProfile:
                    if (string.IsNullOrEmpty(ProfileName)) break;
                    ProfileStore.Description description = ProfileStore.Describe(this, ProfileName, location, withKeys: true);
                    if (!description.Exists) break;
                    if (description.Keys is ImmutableCredentials keys)
                    {
                        WriteObject(keys.UseToken ? new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token) : new BasicAWSCredentials(keys.AccessKey, keys.SecretKey));
                    }
                    else
                    {
                        // A role, SSO or process: resolved when used (GetCredentials(), or by the bridge for a call).
                        WriteObject(new ProfileAWSCredentials(ProfileName, location));
                    }
                    break;
                default:
                    if (SessionState.PSVariable.GetValue("StoredAWSCredentials") is AWSPSCredentials stored) WriteObject(stored.Credentials);
                    break;
            }
        }
    }

    [Cmdlet(VerbsCommon.Clear, "AWSCredential")]
    [Alias("Clear-AWSCredentials")]
    [OutputType("None")]
    public sealed class ClearAWSCredentialCmdlet : PSCmdlet
    {
        /// <summary>Kept for AWS Tools' scripts; as there, it changes nothing.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord() => SessionVariables.Set(this, "StoredAWSCredentials", null);
    }

    /// <summary>Resolves a role, SSO or process profile now, for ProfileAWSCredentials.GetCredentials(). Not exported.</summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "AWSProfileCredential")]
    public sealed class ResolveAWSProfileCredentialCmdlet : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public string ProfileName { get; set; } = "";

        [Parameter]
        public string? ProfileLocation { get; set; }

        protected override void ProcessRecord() => WriteObject(ProfileStore.Resolve(this, ProfileName, string.IsNullOrEmpty(ProfileLocation) ? null : ProfileLocation));
    }

    [Cmdlet(VerbsCommon.Remove, "AWSCredentialProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType("None")]
    public sealed class RemoveAWSCredentialProfileCmdlet : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials")]
        public string ProfileName { get; set; } = "";

        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            string? location = ProfilePaths.Resolve(this, ProfileLocation);
            bool exists = false;
            foreach (ProfileInfo profile in ProfileStore.List(this, location))
            {
                if (string.Equals(profile.ProfileName, ProfileName, StringComparison.Ordinal)) exists = true;
            }
            if (!exists) CmdletErrors.ThrowArgument(this, "ProfileName", $"The CredentialProfile '{ProfileName}' does not exist.");
            // As AWS Tools: -Force skips the prompt, but -WhatIf still only describes the call.
            bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? flag)
                ? LanguagePrimitives.IsTrue(flag)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
            if (!((Force.IsPresent && !whatIf) || ShouldProcess(ProfileName, "Remove-AWSCredentialProfile"))) return;
            foreach (string file in ProfileStore.Remove(this, ProfileName, location)) WriteVerbose($"Removed profile '{ProfileName}' from {file}.");
            if (location is not null)
            {
                foreach (ProfileInfo left in ProfileStore.List(this, null))
                {
                    if (string.Equals(left.ProfileName, ProfileName, StringComparison.Ordinal))
                    {
                        WriteWarning($"Remove succeeded, but there is still a profile named '{ProfileName}' in the shared credentials file at {left.ProfileLocation}.");
                    }
                }
            }
        }
    }
}
