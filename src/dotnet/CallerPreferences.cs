using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// Gives a generated function its caller's preference variables, as a compiled cmdlet has
    /// them.
    /// </summary>
    /// <remarks>
    /// A module's function runs in the module's scopes, under the global scope, so it does not
    /// see preferences its caller set in a script or function scope: a script's
    /// <c>$VerbosePreference = 'Continue'</c> or <c>$WhatIfPreference = $true</c> would not
    /// reach it, where they reach AWS Tools' compiled cmdlets. <c>$PSCmdlet.SessionState</c> is
    /// the caller's; the module's session state, while the function runs, sets the function's
    /// own scope. A preference whose common parameter was given (-Verbose, -WhatIf, ...) is
    /// left as PowerShell set it.
    /// </remarks>
    internal static class CallerPreferences
    {
        private static readonly (string Parameter, string Variable)[] Preferences =
        {
            ("Verbose", "VerbosePreference"),
            ("Debug", "DebugPreference"),
            ("ErrorAction", "ErrorActionPreference"),
            ("WarningAction", "WarningPreference"),
            ("InformationAction", "InformationPreference"),
            ("ProgressAction", "ProgressPreference"),
            ("WhatIf", "WhatIfPreference"),
            ("Confirm", "ConfirmPreference"),
        };

        public static void Apply(PSCmdlet cmdlet)
        {
            SessionState? own = cmdlet.MyInvocation.MyCommand.Module?.SessionState;
            if (own is null) return;
            var bound = cmdlet.MyInvocation.BoundParameters;
            PSVariableIntrinsics caller = cmdlet.SessionState.PSVariable;
            PSVariableIntrinsics function = own.PSVariable;
            foreach ((string parameter, string variable) in Preferences)
            {
                if (bound.ContainsKey(parameter)) continue;
                object? wanted = caller.GetValue(variable);
                if (wanted is null || Equals(Unwrap(wanted), Unwrap(function.GetValue(variable)))) continue;
                function.Set(variable, wanted);
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
