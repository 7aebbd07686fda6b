using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

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

        /// <summary>The state's key: one bridge per bridge script per process.</summary>
        public static string KeyFor(string bridgeScript) => "PSCognitoIdentityProvider.Bridge|" + bridgeScript;

        /// <summary>
        /// Starts `node bridge.cjs` and records it in the state, without waiting for its
        /// hello (the first call reads that). The caller holds state["StartLock"].
        /// Returns null when node is not on PATH.
        /// </summary>
        public static Process? StartProcess(Hashtable state, string bridgeScript)
        {
            string? node = FindNode();
            if (node is null) return null;
            var utf8 = new UTF8Encoding(false);
            var startInfo = new ProcessStartInfo(node)
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = utf8,
                StandardOutputEncoding = utf8,
                StandardErrorEncoding = utf8,
            };
            // A small young generation and a bounded old one: V8 otherwise lets a long-lived
            // process's heap grow by half again over thousands of calls before it collects.
            // (A 256 MB old space still holds the largest responses many times over.)
            startInfo.ArgumentList.Add("--max-semi-space-size=2");
            startInfo.ArgumentList.Add("--max-old-space-size=256");
            startInfo.ArgumentList.Add(bridgeScript);
            // Credentials the session has in its environment travel with each request (the
            // session's may change after the bridge starts); the bridge must not fall back
            // on a copy taken at its start.
            foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE" })
            {
                startInfo.Environment.Remove(name);
            }
            Process process = Process.Start(startInfo)!;
            // stderr is for diagnostics only: drained so that the bridge never blocks on a full pipe.
            process.BeginErrorReadLine();
            process.StandardInput.AutoFlush = true;
            ((ConcurrentDictionary<string, string>)state["Replies"]!).Clear();
            ((ConcurrentDictionary<string, bool>)state["Abandoned"]!).Clear();
            state["PendingRead"] = null;
            state["Output"] = process.StandardOutput;
            state["Input"] = process.StandardInput;
            state["NodePath"] = node;
            state["HelloPending"] = true;
            state["Process"] = process;
            return process;
        }

        /// <summary>
        /// Starts the bridge while PowerShell goes on loading the module (the manifest runs
        /// this before the root module is parsed), unless one is running already. Never
        /// throws: the first call starts the bridge itself and reports any problem.
        /// </summary>
        public static void StartEarly(string bridgeScript)
        {
            try
            {
                Hashtable state = GetOrCreate(KeyFor(bridgeScript));
                object startLock = state["StartLock"]!;
                if (!Monitor.TryEnter(startLock)) return;
                try
                {
                    if (state["Process"] is null) StartProcess(state, bridgeScript);
                }
                finally
                {
                    Monitor.Exit(startLock);
                }
            }
            catch (Exception)
            {
                // Left to the first call, which says what went wrong.
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
