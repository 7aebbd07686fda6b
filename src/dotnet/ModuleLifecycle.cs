using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace CmdletBridge
{
    /// <summary>
    /// The bridge's life with the module: Node.js starts while PowerShell goes on loading the
    /// module (the first call reads its hello), and stops when the last runspace that
    /// imported the module removes it. (When PowerShell exits or is killed, the bridge sees
    /// its stdin close and exits.)
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            BridgeConnection bridge = BridgeConnection.Default;
            if (Runspace.DefaultRunspace is Runspace runspace) bridge.AddUser(runspace);
            // Off the importing thread: starting a process costs tens of milliseconds.
            ThreadPool.QueueUserWorkItem(_ => bridge.StartEarly());
        }

        public void OnRemove(PSModuleInfo module)
        {
            BridgeConnection.Default.RemoveUser(Runspace.DefaultRunspace);
        }
    }
}
