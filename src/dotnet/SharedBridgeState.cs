using System;
using System.Collections;
using System.Collections.Concurrent;
using System.IO;

namespace CmdletBridge
{
    /// <summary>
    /// The bridge's state, one per bridge script per process, shared by every runspace
    /// that imports the module (see Runtime/Bridge.ps1 for what each member means). Kept
    /// on the AppDomain, holding only .NET objects. Made here rather than in script: the
    /// generic type literals cost the import tens of milliseconds to resolve.
    /// </summary>
    public static class SharedBridgeState
    {
        public static Hashtable GetOrCreate(string key)
        {
            AppDomain domain = AppDomain.CurrentDomain;
            lock (domain)
            {
                if (domain.GetData(key) is Hashtable existing) return existing;
                Hashtable state = Hashtable.Synchronized(new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["Process"] = null,
                    ["Input"] = null,
                    ["Output"] = null,
                    ["PendingRead"] = null,
                    ["WriteLock"] = new object(),
                    ["Sync"] = new object(),
                    ["ReaderActive"] = false,
                    ["HelloPending"] = false,
                    ["NodePath"] = null,
                    ["StartLock"] = new object(),
                    ["Replies"] = new ConcurrentDictionary<string, string>(),
                    ["Abandoned"] = new ConcurrentDictionary<string, bool>(),
                    ["Users"] = new ConcurrentDictionary<string, bool>(),
                });
                domain.SetData(key, state);
                return state;
            }
        }

        /// <summary>
        /// The first `node` on PATH (node.exe on Windows), or null: what Get-Command would
        /// find, without the cost of command discovery during the import.
        /// </summary>
        public static string? FindNode()
        {
            string name = OperatingSystem.IsWindows() ? "node.exe" : "node";
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (dir.Length == 0) continue;
                string candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
            }
            return null;
        }

        private static bool IsExecutable(string path)
        {
            if (OperatingSystem.IsWindows()) return true;
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
    }
}
