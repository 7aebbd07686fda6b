using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Text.RegularExpressions;
using CmdletBridge;

// Set-AWSProxy and Clear-AWSProxy, as AWS.Tools.Common has them: the shell's proxy lives in
// $AWSProxy, and every call made after it goes through it (read per call, so scopes apply).
// Without it, the bridge honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI does.
namespace Amazon.PowerShell.Common
{
    /// <summary>Lets -Credential take a PSCredential (Get-Credential) as well as a NetworkCredential.</summary>
    public sealed class NetworkCredentialTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is PSCredential credential ? credential.GetNetworkCredential() : value;
        }
    }

    [Cmdlet(VerbsCommon.Set, "AWSProxy")]
    [OutputType("None")]
    public sealed class SetAWSProxyCmdlet : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Hostname { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public int Port { get; set; }

        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        public string? Username { get; set; }

        [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
        public string? Password { get; set; }

        [Parameter(Position = 4, ValueFromPipelineByPropertyName = true)]
        [Alias("Credentials")]
        [NetworkCredentialTransformation]
        public ICredentials? Credential { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? BypassList { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter BypassOnLocal { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord()
        {
            if (Port <= 0 || Port > 65535) CmdletErrors.ThrowArgument(this, "Port", $"-Port must be from 1 to 65535, not {Port}.");
            foreach (string pattern in BypassList ?? Array.Empty<string>())
            {
                try
                {
                    _ = new Regex(pattern);
                }
                catch (ArgumentException e)
                {
                    CmdletErrors.ThrowArgument(this, "BypassList", $"-BypassList takes regular expressions, and '{pattern}' is not one: {e.Message}");
                }
            }
            // As AWS Tools: the shell's settings object is updated in place when there is one.
            var settings = SessionState.PSVariable.GetValue("AWSProxy") as ProxySettings ?? new ProxySettings();
            settings.Hostname = Hostname;
            settings.Port = Port;
            settings.Credentials = Credential ?? (!string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password) ? new NetworkCredential(Username, Password ?? "") : null);
            settings.BypassList = BypassList is null ? null : new List<string>(BypassList);
            settings.BypassOnLocal = BypassOnLocal.IsPresent ? true : null;
            SessionVariables.Set(this, "AWSProxy", settings);
        }
    }

    [Cmdlet(VerbsCommon.Clear, "AWSProxy")]
    [OutputType("None")]
    public sealed class ClearAWSProxyCmdlet : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord() => SessionVariables.Set(this, "AWSProxy", null);
    }

    /// <summary>The shell's proxy, as a call's request carries it to the bridge.</summary>
    public static class ProxyCommands
    {
        public static Dictionary<string, object?>? ForRequest(PSCmdlet cmdlet)
        {
            if (cmdlet.SessionState.PSVariable.GetValue("AWSProxy") is not ProxySettings settings) return null;
            if (string.IsNullOrEmpty(settings.Hostname) || settings.Port <= 0) return null;
            var proxy = new Dictionary<string, object?> { ["host"] = settings.Hostname, ["port"] = settings.Port };
            if (ProxyCredential(settings) is NetworkCredential credential && (credential.UserName.Length > 0 || credential.Password.Length > 0))
            {
                proxy["username"] = credential.UserName;
                proxy["password"] = credential.Password;
            }
            if (settings.BypassList is { Count: > 0 } bypass) proxy["bypassList"] = bypass.ToArray();
            if (settings.BypassOnLocal == true) proxy["bypassOnLocal"] = true;
            return proxy;
        }

        private static NetworkCredential? ProxyCredential(ProxySettings settings)
        {
            if (settings.Credentials is NetworkCredential credential) return credential;
            try
            {
                string host = settings.Hostname.Replace("http://", "", StringComparison.OrdinalIgnoreCase);
                return settings.Credentials?.GetCredential(new Uri($"http://{host}:{settings.Port}"), "Basic");
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
    }
}
