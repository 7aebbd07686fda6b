using System;
using System.Management.Automation;

namespace Amazon.PowerShell.Common
{
    /// <summary>
    /// The shell variables the session commands set ($StoredAWSCredentials, $StoredAWSRegion,
    /// $AWSProxy...), as AWS Tools sets them: in the scope -Scope names, else in the caller's
    /// current scope (a compiled cmdlet runs in it): global at the prompt, a script's own in a script.
    /// </summary>
    internal static class SessionVariables
    {
        public static void Set(PSCmdlet cmdlet, string name, object? value)
        {
            string scoped = cmdlet.MyInvocation.BoundParameters.TryGetValue("Scope", out object? scope) && scope is not null ? $"{scope}:{name}" : name;
            cmdlet.SessionState.PSVariable.Set(scoped, value);
        }
    }
}

namespace CmdletBridge
{
    /// <summary>
    /// -ProfileLocation as a full file system path: a relative path is relative to PowerShell's
    /// current location (Set-Location), not to the folder the process started in, which is
    /// what the bridge would resolve it against.
    /// </summary>
    internal static class ProfilePaths
    {
        public static string? Resolve(PSCmdlet cmdlet, string? location)
        {
            if (string.IsNullOrEmpty(location)) return null;
            try
            {
                return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(location);
            }
            catch (System.Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException || e is PSArgumentException)
            {
                CmdletErrors.ThrowArgument(cmdlet, "ProfileLocation", $"-ProfileLocation '{location}' is not a file system path: {e.Message}");
                return null;
            }
        }
    }
}
