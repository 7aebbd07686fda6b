using System;
using System.Management.Automation;
using CmdletBridge;

// AWS.Tools.Common's commands this module does not provide. Each exists, takes whatever a
// script passes it, and fails with one clear error saying what to use instead, rather than
// PowerShell's "is not recognized".
namespace Amazon.PowerShell.Common
{
    public abstract class UnsupportedCommand : PSCmdlet
    {
        /// <summary>Whatever the script passes: the error names the command, not a parameter.</summary>
        [Parameter(ValueFromRemainingArguments = true)]
        public object[]? Arguments { get; set; }

        /// <summary>What to use instead.</summary>
        protected abstract string Instead { get; }

        protected override void BeginProcessing()
        {
            string message = $"{MyInvocation.MyCommand.Name} is not provided by the {ServiceInfo.ModuleName} module. {Instead}";
            ThrowTerminatingError(new ErrorRecord(new NotSupportedException(message), "NotSupported", ErrorCategory.NotImplemented, MyInvocation.MyCommand.Name));
        }
    }

    public abstract class UnsupportedSsoCommand : UnsupportedCommand
    {
        protected override string Instead =>
            "Sign in with the AWS CLI (`aws configure sso`, then `aws sso login --profile <name>`); the cmdlets then use the profile's SSO credentials through -ProfileName, Set-AWSCredential -ProfileName or AWS_PROFILE.";
    }

    [Cmdlet(VerbsLifecycle.Invoke, "AWSSSOLogin")]
    public sealed class InvokeAWSSSOLoginCmdlet : UnsupportedSsoCommand { }

    [Cmdlet(VerbsLifecycle.Invoke, "AWSSSOLogout")]
    public sealed class InvokeAWSSSOLogoutCmdlet : UnsupportedSsoCommand { }

    [Cmdlet(VerbsData.Initialize, "AWSSSOConfiguration")]
    public sealed class InitializeAWSSSOConfigurationCmdlet : UnsupportedSsoCommand { }

    [Cmdlet(VerbsCommon.Set, "AWSSSOSessionConfiguration")]
    public sealed class SetAWSSSOSessionConfigurationCmdlet : UnsupportedSsoCommand { }

    public abstract class UnsupportedSamlCommand : UnsupportedCommand
    {
        protected override string Instead =>
            "Get role credentials another way (a profile with role_arn and source_profile, credential_process, or SSO) and use them with -ProfileName or Set-AWSCredential.";
    }

    [Cmdlet(VerbsCommon.Set, "AWSSamlEndpoint")]
    public sealed class SetAWSSamlEndpointCmdlet : UnsupportedSamlCommand { }

    [Cmdlet(VerbsCommon.Set, "AWSSamlRoleProfile")]
    public sealed class SetAWSSamlRoleProfileCmdlet : UnsupportedSamlCommand { }

    public abstract class UnsupportedLoggingCommand : UnsupportedCommand
    {
        protected override string Instead =>
            "Use -Verbose (operation, endpoint, HTTP status and request id of each call), -Debug, or $AWSHistory (Set-AWSHistoryConfiguration) instead.";
    }

    [Cmdlet(VerbsCommon.Add, "AWSLoggingListener")]
    public sealed class AddAWSLoggingListenerCmdlet : UnsupportedLoggingCommand { }

    [Cmdlet(VerbsCommon.Remove, "AWSLoggingListener")]
    public sealed class RemoveAWSLoggingListenerCmdlet : UnsupportedLoggingCommand { }

    [Cmdlet(VerbsCommon.Set, "AWSResponseLogging")]
    public sealed class SetAWSResponseLoggingCmdlet : UnsupportedLoggingCommand { }

    [Cmdlet(VerbsLifecycle.Enable, "AWSMetricsLogging")]
    public sealed class EnableAWSMetricsLoggingCmdlet : UnsupportedLoggingCommand { }

    [Cmdlet(VerbsLifecycle.Disable, "AWSMetricsLogging")]
    public sealed class DisableAWSMetricsLoggingCmdlet : UnsupportedLoggingCommand { }

    [Cmdlet(VerbsCommon.Get, "AWSPublicIpAddressRange")]
    public sealed class GetAWSPublicIpAddressRangeCmdlet : UnsupportedCommand
    {
        protected override string Instead =>
            "Read AWS's published ranges directly: Invoke-RestMethod https://ip-ranges.amazonaws.com/ip-ranges.json (or use AWS.Tools.Common's cmdlet).";
    }
}
