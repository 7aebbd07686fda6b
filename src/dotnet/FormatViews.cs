using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;

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
    /// it; now it runs while the bridge works on the first request (loaded before that
    /// request was sent, it still cost a cold call 68-85 ms in two sets of paired runs). A call loads the views before
    /// it writes anything. A runspace that only formats what calls in other
    /// runspaces wrote (ForEach-Object -Parallel, thread jobs) has them once it makes a
    /// call itself (docs/usage.md: Output). The views stay loaded when the module is removed, as
    /// views added with Update-FormatData do.
    /// </remarks>
    public static class FormatViews
    {
        private static readonly ConditionalWeakTable<Runspace, object> LoadedIn = new ConditionalWeakTable<Runspace, object>();
        private static readonly object Loaded = new object();

        /// <summary>The format file beside the assembly (both carry the module's name).</summary>
        public static string FilePath { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(FormatViews).Assembly.Location)!,
            typeof(FormatViews).Assembly.GetName().Name + ".Format.ps1xml");

        private static int _warmUpStarted;

        /// <summary>
        /// Once per process, when a first call begins: loads the format file into a throwaway
        /// FormatTable on a pool thread, so that PowerShell's format loader is compiled by the
        /// time the call loads the views into its runspace.
        /// </summary>
        /// <remarks>
        /// Loading even a one-view file takes a fresh process about 50 ms (188 views: 59 ms),
        /// almost all of it the loader's first run. The call builds and sends its request
        /// meanwhile, while the bridge, having started during the import, waits for it: the
        /// second core is free. With one core there is nothing to overlap, so nothing is done.
        /// </remarks>
        public static void WarmUp()
        {
            if (Environment.ProcessorCount < 2 || Interlocked.Exchange(ref _warmUpStarted, 1) != 0) return;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                try
                {
                    _ = new FormatTable(new[] { FilePath });
                }
                catch (Exception)
                {
                    // Only a head start: EnsureLoaded reports what is wrong with the file.
                }
            });
        }

        /// <summary>Whether the current runspace has loaded (or tried to load) the views.</summary>
        public static bool IsLoaded => Runspace.DefaultRunspace is not Runspace runspace || LoadedIn.TryGetValue(runspace, out _);

        /// <summary>Loads the views into the cmdlet's runspace unless they are there already.</summary>
        public static void EnsureLoaded(PSCmdlet cmdlet, bool debug)
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is null || LoadedIn.TryGetValue(runspace, out _)) return;
            // Marked first: a runspace that cannot take the views is not asked again on every call.
            LoadedIn.AddOrUpdate(runspace, Loaded);
            try
            {
                using PowerShell update = PowerShell.Create(RunspaceMode.CurrentRunspace);
                // It runs in the caller's scope: its -WhatIf, -Confirm, -Verbose and error
                // preferences must not apply to loading the views, nor its errors reach $Error.
                // The path is escaped: -AppendPath takes wildcards, and a folder may be named [EU].
                AddUpdateFormatData(update)
                    .AddParameter("AppendPath", WildcardPattern.Escape(FilePath))
                    .AddParameter("WhatIf", false)
                    .AddParameter("Confirm", false)
                    .AddParameter("Verbose", false)
                    .AddParameter("ErrorAction", ActionPreference.Ignore);
                update.Invoke();
                if (debug)
                {
                    cmdlet.WriteDebug(update.HadErrors ? "The module's format views could not be loaded." : "Loaded the module's format views into this session.");
                }
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C: the next call tries again.
                LoadedIn.Remove(runspace);
                throw;
            }
            catch (Exception e)
            {
                // Output then falls back on PowerShell's default formatting; nothing else depends on the views.
                if (debug) cmdlet.WriteDebug("The module's format views could not be loaded: " + e.Message);
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
