using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CmdletBridge
{
    /// <summary>
    /// Loads the module's format views (&lt;Module&gt;.Format.ps1xml) into a runspace on its
    /// first call, instead of through the manifest's FormatsToProcess.
    /// </summary>
    /// <remarks>
    /// Adding any format file makes PowerShell rebuild the runspace's whole format database,
    /// however few views the file has. Done at import, that rebuild came before PowerShell
    /// loaded the assembly, so it delayed the bridge's start and every cold first call by
    /// it; now it runs while the first call waits for the bridge. Every object the module
    /// writes comes from a call, which loads the views before writing it. The views stay
    /// loaded when the module is removed, as views added with Update-FormatData do.
    /// </remarks>
    public static class FormatViews
    {
        private static readonly ConditionalWeakTable<Runspace, object> LoadedIn = new ConditionalWeakTable<Runspace, object>();
        private static readonly object Loaded = new object();

        /// <summary>The format file beside the assembly (both carry the module's name).</summary>
        public static string FilePath { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(FormatViews).Assembly.Location)!,
            typeof(FormatViews).Assembly.GetName().Name + ".Format.ps1xml");

        /// <summary>Loads the views into the cmdlet's runspace unless they are there already. Never throws.</summary>
        public static void EnsureLoaded(PSCmdlet cmdlet)
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is null || LoadedIn.TryGetValue(runspace, out _)) return;
            // Marked first: a runspace that cannot take the views is not asked again on every call.
            LoadedIn.AddOrUpdate(runspace, Loaded);
            try
            {
                using PowerShell update = PowerShell.Create(RunspaceMode.CurrentRunspace);
                AddUpdateFormatData(update).AddParameter("AppendPath", FilePath);
                update.Invoke();
                foreach (ErrorRecord error in update.Streams.Error)
                {
                    cmdlet.WriteDebug("The module's format views could not be loaded: " + error);
                }
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                // Output then falls back on PowerShell's default formatting; nothing else depends on the views.
                cmdlet.WriteDebug("The module's format views could not be loaded: " + e.Message);
            }
        }

        /// <summary>
        /// Update-FormatData, run from its class when PowerShell has it loaded: by name it
        /// would first import Microsoft.PowerShell.Utility, which a session need not have yet.
        /// </summary>
        private static PowerShell AddUpdateFormatData(PowerShell shell)
        {
            Type? type = Type.GetType("Microsoft.PowerShell.Commands.UpdateFormatDataCommand, Microsoft.PowerShell.Commands.Utility", throwOnError: false);
            return type is not null
                ? shell.AddCommand(new CmdletInfo("Update-FormatData", type))
                : shell.AddCommand("Microsoft.PowerShell.Utility\\Update-FormatData");
        }
    }
}
