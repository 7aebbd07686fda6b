using System;
using System.Management.Automation;
using System.Reflection;

namespace CmdletBridge
{
    /// <summary>
    /// -Debug on a compiled cmdlet, as PowerShell 7 treats it for advanced functions: debug
    /// messages are shown (Continue) without a prompt for each, and verbose messages follow
    /// -Verbose and $VerbosePreference alone. (For compiled cmdlets PowerShell still turns
    /// -Debug into Inquire for both streams, which prompts at every message, and fails in a
    /// non-interactive session.)
    /// </summary>
    internal static class DebugStreams
    {
        private static readonly Type? RuntimeType = typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.MshCommandRuntime");
        private static readonly PropertyInfo? DebugPreference = Find("DebugPreference");
        private static readonly PropertyInfo? IsVerboseFlagSet = Find("IsVerboseFlagSet");
        private static readonly PropertyInfo? Verbose = Find("Verbose");

        public static void ShowWithoutPrompts(PSCmdlet cmdlet)
        {
            object? runtime = cmdlet.CommandRuntime;
            if (runtime is null || RuntimeType is null || !RuntimeType.IsInstanceOfType(runtime)) return;
            try
            {
                DebugPreference?.SetValue(runtime, ActionPreference.Continue);
                if (IsVerboseFlagSet is not null && Verbose is not null && !(bool)IsVerboseFlagSet.GetValue(runtime)!)
                {
                    object? preference = cmdlet.SessionState.PSVariable.GetValue("VerbosePreference");
                    bool show = preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore
                        : preference is not null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
                    Verbose.SetValue(runtime, Verbose.PropertyType == typeof(bool) ? show : new SwitchParameter(show));
                    IsVerboseFlagSet.SetValue(runtime, true);
                }
            }
            catch (Exception)
            {
                // PowerShell's own handling of -Debug then applies.
            }
        }

        private static PropertyInfo? Find(string name) =>
            RuntimeType?.GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
    }
}
