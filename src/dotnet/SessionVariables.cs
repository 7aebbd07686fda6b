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
