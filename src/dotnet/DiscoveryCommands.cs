using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using CmdletBridge;

// AWS.Tools.Common's discovery commands, for this module's one service: Get-AWSRegion,
// Get-AWSService, Get-AWSCmdletName and Get-AWSPowerShellVersion.
namespace Amazon.PowerShell.Common
{
    /// <summary>A region, as Get-AWSRegion and Get-DefaultAWSRegion write it; it stands for its system name.</summary>
    public sealed class AWSRegion
    {
        internal AWSRegion(string region, string name, bool isShellDefault)
        {
            Region = region;
            Name = name;
            IsShellDefault = isShellDefault;
        }

        public string Region { get; }
        public string Name { get; }
        public bool IsShellDefault { get; }

        /// <summary>So that a region object binds to -Region and reads as its system name.</summary>
        public override string ToString() => Region;

        internal static AWSRegion For(PSCmdlet cmdlet, string region)
        {
            bool isDefault = cmdlet.SessionState.PSVariable.GetValue("StoredAWSRegion") is string stored
                && string.Equals(stored, region, StringComparison.OrdinalIgnoreCase);
            string name = RegionNames.Describe(region) ?? (region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase) ? "China (Unknown)" : "Unknown");
            return new AWSRegion(region, name, isDefault);
        }
    }

    [Cmdlet(VerbsCommon.Get, "AWSRegion", DefaultParameterSetName = PublicOnly)]
    [OutputType(typeof(AWSRegion))]
    public sealed class GetAWSRegionCmdlet : PSCmdlet
    {
        private const string PublicOnly = "PublicOnly";
        private const string PublicAndGovCloud = "PublicAndGovCloud";
        private const string GovCloudOnlySet = "GovCloudOnly";

        [Parameter(ParameterSetName = PublicOnly, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PublicAndGovCloud, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? SystemName { get; set; }

        [Parameter(ParameterSetName = PublicOnly, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PublicAndGovCloud, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IncludeChina { get; set; }

        [Parameter(ParameterSetName = PublicAndGovCloud, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IncludeGovCloud { get; set; }

        [Parameter(ParameterSetName = GovCloudOnlySet, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter GovCloudOnly { get; set; }

        protected override void ProcessRecord()
        {
            if (!string.IsNullOrEmpty(SystemName))
            {
                WriteObject(AWSRegion.For(this, SystemName));
                return;
            }
            foreach (string region in ModuleData.KnownRegions.Keys)
            {
                bool gov = region.StartsWith("us-gov-", StringComparison.OrdinalIgnoreCase);
                bool china = region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase);
                if (gov ? !(IncludeGovCloud.IsPresent || GovCloudOnly.IsPresent) : GovCloudOnly.IsPresent || (china && !IncludeChina.IsPresent)) continue;
                WriteObject(AWSRegion.For(this, region));
            }
        }
    }

    /// <summary>The one service this module has, as Get-AWSService and Get-AWSCmdletName describe it.</summary>
    internal static class ServiceInfo
    {
        public static string ModuleName => typeof(ServiceInfo).Assembly.GetName().Name ?? "";

        /// <summary>
        /// AWS Tools' matching: the noun prefix exactly, else a regular expression over the service's
        /// names; this module also knows the AWS CLI's command for it (cognito-idp).
        /// </summary>
        public static bool Matches(PSCmdlet cmdlet, string? filter)
        {
            if (string.IsNullOrEmpty(filter)) return true;
            if (string.Equals(filter, ModuleData.NounPrefix, StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(filter, ModuleData.CliCommand, StringComparison.OrdinalIgnoreCase)) return true;
            Regex pattern = Pattern(cmdlet, filter, "Service");
            return pattern.IsMatch(ModuleData.ServiceName) || pattern.IsMatch(ModuleData.ServiceDisplayName);
        }

        public static Regex Pattern(PSCmdlet cmdlet, string pattern, string parameter)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline);
            }
            catch (ArgumentException e)
            {
                CmdletErrors.ThrowArgument(cmdlet, parameter, $"-{parameter} takes a regular expression, and '{pattern}' is not one: {e.Message}");
                throw;
            }
        }

        /// <summary>The SDK the bridge runs and its Node.js, asked of the bridge.</summary>
        public static (string package, string version, string node) Versions(PSCmdlet cmdlet)
        {
            var request = new Dictionary<string, object?> { ["id"] = null, ["command"] = "module.versions", ["args"] = new Dictionary<string, object?>() };
            BridgeReply reply = BridgeConnection.Default.Invoke(cmdlet, request, ClientConfig.DefaultCallTimeout);
            if (!reply.Ok) cmdlet.ThrowTerminatingError(CmdletErrors.FromReply(cmdlet, reply.Error));
            PSObject versions = PSObject.AsPSObject(reply.Response!);
            string Text(string name) => versions.Properties[name]?.Value?.ToString() ?? "";
            return (Text("sdkPackage"), Text("sdkVersion"), Text("node"));
        }
    }

    [Cmdlet(VerbsCommon.Get, "AWSService")]
    [OutputType(typeof(PSObject))]
    public sealed class GetAWSServiceCmdlet : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string? Service { get; set; }

        protected override void ProcessRecord()
        {
            if (!ServiceInfo.Matches(this, Service))
            {
                WriteVerbose("The specified parameters did not match any service.");
                return;
            }
            var service = new PSObject();
            service.Properties.Add(new PSNoteProperty("Service", ModuleData.ServiceName));
            service.Properties.Add(new PSNoteProperty("CmdletNounPrefix", ModuleData.NounPrefix));
            service.Properties.Add(new PSNoteProperty("ModuleName", ServiceInfo.ModuleName));
            service.Properties.Add(new PSNoteProperty("SDKAssemblyVersion", ServiceInfo.Versions(this).version));
            service.Properties.Add(new PSNoteProperty("ServiceName", ModuleData.ServiceDisplayName));
            WriteObject(service);
        }
    }

    [Cmdlet(VerbsCommon.Get, "AWSCmdletName", DefaultParameterSetName = QuerySet)]
    [OutputType(typeof(PSObject))]
    public sealed class GetAWSCmdletNameCmdlet : PSCmdlet
    {
        private const string QuerySet = "QueryApiOperationOrService";
        private const string CliSet = "FromAwsCliCommand";

        [Parameter(ParameterSetName = QuerySet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string? ApiOperation { get; set; }

        [Parameter(ParameterSetName = QuerySet, ValueFromPipelineByPropertyName = true)]
        public string? CmdletName { get; set; }

        [Parameter(ParameterSetName = QuerySet, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter MatchWithRegex { get; set; }

        [Parameter(ParameterSetName = QuerySet, ValueFromPipelineByPropertyName = true)]
        public string? Service { get; set; }

        [Parameter(ParameterSetName = CliSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string? AwsCliCommand { get; set; }

        protected override void ProcessRecord()
        {
            string? service = Service;
            Regex? operation = null;
            Regex? cmdlet = null;
            if (ParameterSetName == CliSet)
            {
                (string? cliService, string? cliOperation) = ParseCliCommand(AwsCliCommand ?? "");
                if (string.IsNullOrEmpty(cliService) || string.IsNullOrEmpty(cliOperation))
                {
                    CmdletErrors.ThrowArgument(this, "AwsCliCommand", "Unable to extract service and/or operation name from command. Expected text format of 'aws [options] <command> <subcommand>'.");
                }
                WriteVerbose($"Searching for {cliOperation} in service {cliService}");
                service = cliService;
                operation = ServiceInfo.Pattern(this, $"^{Regex.Escape(cliOperation!)}$", "AwsCliCommand");
            }
            else
            {
                if (ApiOperation is not null) operation = ServiceInfo.Pattern(this, MatchWithRegex.IsPresent ? ApiOperation : $"^{ApiOperation}$", "ApiOperation");
                if (CmdletName is not null) cmdlet = ServiceInfo.Pattern(this, MatchWithRegex.IsPresent ? CmdletName : $"^{CmdletName}$", "CmdletName");
            }

            var results = new List<PSObject>();
            if (ServiceInfo.Matches(this, service))
            {
                foreach (KeyValuePair<string, string> entry in ModuleData.Operations)
                {
                    if (cmdlet is not null && !cmdlet.IsMatch(entry.Key)) continue;
                    if (operation is not null && !operation.IsMatch(entry.Value)) continue;
                    var result = new PSObject();
                    result.Properties.Add(new PSNoteProperty("CmdletName", entry.Key));
                    result.Properties.Add(new PSNoteProperty("ServiceOperation", entry.Value));
                    result.Properties.Add(new PSNoteProperty("ServiceName", ModuleData.ServiceDisplayName));
                    result.Properties.Add(new PSNoteProperty("ModuleName", ServiceInfo.ModuleName));
                    results.Add(result);
                }
            }
            if (results.Count == 0) WriteVerbose("The specified parameters did not match any service.");
            WriteObject(results, true);
        }

        /// <summary>
        /// 'aws [options] service operation [options]': the service command and the operation, with
        /// its hyphens removed (list-users: ListUsers, compared without regard to case). Options and
        /// their values are skipped.
        /// </summary>
        private static (string? service, string? operation) ParseCliCommand(string command)
        {
            string[] tokens = command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? service = null;
            int i = tokens.Length > 0 && string.Equals(tokens[0], "aws", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            for (; i < tokens.Length; i++)
            {
                string token = tokens[i];
                if (token.StartsWith("--", StringComparison.Ordinal))
                {
                    // --option value, unless the next token is another option or the option is a flag written as --flag=value.
                    if (!token.Contains('=') && i + 1 < tokens.Length && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal) && !IsFlag(token)) i++;
                    continue;
                }
                if (service is null) service = token;
                else return (service, token.Replace("-", "", StringComparison.Ordinal));
            }
            return (service, null);
        }

        /// <summary>The AWS CLI's global options that take no value.</summary>
        private static bool IsFlag(string option) => option is "--debug" or "--no-verify-ssl" or "--no-paginate" or "--no-sign-request" or "--no-cli-pager" or "--cli-auto-prompt" or "--no-cli-auto-prompt";
    }

    [Cmdlet(VerbsCommon.Get, "AWSPowerShellVersion")]
    [OutputType(typeof(string))]
    public sealed class GetAWSPowerShellVersionCmdlet : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ListServices")]
        public SwitchParameter ListServiceVersionInfo { get; set; }

        protected override void ProcessRecord()
        {
            (string package, string version, string node) = ServiceInfo.Versions(this);
            var text = new StringBuilder();
            text.AppendLine();
            text.AppendLine(ServiceInfo.ModuleName);
            text.AppendLine($"Version {ModuleData.ModuleVersion}");
            text.AppendLine($"{ModuleData.ServiceDisplayName} cmdlets with AWS Tools for PowerShell's names, running the AWS SDK for JavaScript in Node.js.");
            text.AppendLine();
            text.AppendLine($"AWS SDK for JavaScript v3 ({package})");
            text.AppendLine($"Core Runtime Version {version}");
            text.AppendLine($"Node.js v{node}");
            WriteObject(text.ToString());
            if (ListServiceVersionInfo.IsPresent)
            {
                var service = new PSObject();
                service.Properties.Add(new PSNoteProperty("Service", ModuleData.ServiceDisplayName));
                service.Properties.Add(new PSNoteProperty("Noun Prefix", ModuleData.NounPrefix));
                service.Properties.Add(new PSNoteProperty("Module Name", ServiceInfo.ModuleName));
                service.Properties.Add(new PSNoteProperty("SDK Assembly Version", version));
                WriteObject(service);
            }
        }
    }
}
